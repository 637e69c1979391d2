package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const shared = "../../../../shared/peers/cameo" // next to the repository

// The committed cameo.ttl and cameo_codes.go are what go generate would
// write now (the same run as the //go:generate line in ../../embed.go).
func TestGeneratedFilesUpToDate(t *testing.T) {
	codes := filepath.Join(shared, "cameo_event_codes.tsv")
	gold := filepath.Join(shared, "CAMEO.goldsteinscale.txt")
	if _, err := os.Stat(codes); err != nil {
		t.Skipf("GDELT tables not available (%v); cannot check generated files", err)
	}
	dir := t.TempDir()
	err := run([]string{"-codes", codes, "-goldstein", gold,
		"-ttl", filepath.Join(dir, "cameo.ttl"), "-go", filepath.Join(dir, "cameo_codes.go")})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"cameo.ttl", "cameo_codes.go"} {
		got, err := os.ReadFile(filepath.Join("../..", name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("ontology/%s is stale: run go generate ./ontology", name)
		}
	}
}

func TestTurtleString(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Discuss by telephone", `"Discuss by telephone"`},
		{`Meet at a "third" location`, `"Meet at a \"third\" location"`},
		{`back\slash`, `"back\\slash"`},
		{"two\nlines\r\tx", `"two\nlines\r\tx"`},
		{"bell\a", `"bell\u0007"`},
		{"Côte d’Ivoire", `"Côte d’Ivoire"`},
	} {
		if got := turtleString(tc.in); got != tc.want {
			t.Errorf("turtleString(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestDecimal(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{{0, "0.0"}, {-10, "-10.0"}, {3.4, "3.4"}, {-0.1, "-0.1"}} {
		if got := decimal(tc.in); got != tc.want {
			t.Errorf("decimal(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestQuadOf(t *testing.T) {
	for root, want := range map[string]int{"01": 1, "05": 1, "06": 2, "08": 2, "09": 3, "13": 3, "14": 4, "20": 4} {
		if got, err := quadOf(root); err != nil || got != want {
			t.Errorf("quadOf(%s) = %d, %v; want %d", root, got, err, want)
		}
	}
	if _, err := quadOf("21"); err == nil {
		t.Error("quadOf(21): no error")
	}
}

// build rejects tables that would give a broken hierarchy.
func TestBuildErrors(t *testing.T) {
	quads := "1\tA\tquad_class\n2\tB\tquad_class\n3\tC\tquad_class\n4\tD\tquad_class\n"
	for _, tc := range []struct{ name, codes, gold, want string }{
		{"unknown level", quads + "01\tX\tleaf\n", "", "unknown level"},
		{"length mismatch", quads + "041\tX\troot\n", "", "want 2 digits"},
		{"non-digit code", quads + "04x\tX\tbase\n", "", "want 3 digits"},
		{"missing parent", quads + "01\tX\troot\n0411\tY\tsub\n", "", "parent 041 not listed"},
		{"duplicate", quads + "01\tX\troot\n01\tY\troot\n", "", "listed twice"},
		{"missing quad class", "01\tX\troot\n", "", "quad class 1 missing"},
		{"unknown Goldstein code", quads + "01\tX\troot\n", "02\t1.0\n", "not an event code"},
		{"empty label", quads + "01\t\troot\n", "", "empty label"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := readCodes(strings.NewReader("code\tlabel\tlevel\n" + tc.codes))
			if err != nil {
				t.Fatal(err)
			}
			gold, err := readGoldstein(strings.NewReader("CAMEOEVENTCODE\tGOLDSTEINSCALE\r\n" + tc.gold))
			if err != nil {
				t.Fatal(err)
			}
			_, err = build(rows, gold)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("build: %v, want error containing %q", err, tc.want)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"bad header", "code\tname\tlevel\n", "header"},
		{"field count", "code\tlabel\tlevel\n01\tX\n", "line 2: 2 fields"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := readCodes(strings.NewReader(tc.in)); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("readCodes: %v, want error containing %q", err, tc.want)
			}
		})
	}
	if _, err := readGoldstein(strings.NewReader("CAMEOEVENTCODE\tGOLDSTEINSCALE\n01\t11.0\n")); err == nil {
		t.Error("readGoldstein accepted 11.0")
	}
}
