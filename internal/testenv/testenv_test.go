package testenv

import "testing"

func TestIsLong(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  bool
	}{{"", false}, {"0", false}, {"false", false}, {"1", true}, {"yes", true}} {
		t.Setenv(LongVar, tc.value)
		if got := IsLong(); got != tc.want && !testing.Short() {
			t.Errorf("%s=%q: IsLong() = %v, want %v", LongVar, tc.value, got, tc.want)
		}
		if testing.Short() && IsLong() {
			t.Errorf("%s=%q under -short: IsLong() = true", LongVar, tc.value)
		}
	}
}

func TestLongSkips(t *testing.T) {
	t.Setenv(LongVar, "")
	ran := false
	t.Run("long", func(t *testing.T) {
		Long(t, "a test of the skip")
		ran = true
	})
	if ran {
		t.Error("a long test ran without " + LongVar)
	}
}
