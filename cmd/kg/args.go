package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// reorderArgs moves a command's flags in front of its arguments.
//
// urfave/cli v2 parses flags with the standard flag package, which stops
// at the first argument, so "kg build corpus -o g.ttl" would silently ignore
// -o (v3 parses flags anywhere; kg is on v2.27). Users type flags after
// arguments; rather than fight the library, this hands it the order it
// expects, by one rule: an argument starting with "-" is a flag (and takes
// the next argument as its value if the flag takes one), except "-" itself
// (standard input or output) and everything after "--". The arguments
// then follow a "--", so a file named like a flag stays a file.
//
// A flag that needs a value but ends the line ("kg build corpus --output")
// is an error here: the flag package would otherwise take the "--" added
// above as its value.
func reorderArgs(app *cli.App, args []string) ([]string, error) {
	if len(args) < 2 {
		return args, nil
	}
	// find the command (global flags such as --help may precede it)
	ci := -1
	var cmd *cli.Command
	for i := 1; i < len(args); i++ {
		if strings.HasPrefix(args[i], "-") {
			continue
		}
		cmd = app.Command(args[i])
		ci = i
		break
	}
	if cmd == nil {
		return args, nil
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var flags, pos []string
	rest := args[ci+1:]
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			pos = append(pos, rest[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") || !takesValue[name] {
			continue
		}
		if i+1 == len(rest) {
			return nil, usagef(cmd.Name, "%s: flag %s needs a value", cmd.Name, dashed(name))
		}
		flags = append(flags, rest[i+1])
		i++
	}
	for _, f := range flags {
		if f == "-h" || f == "--help" || f == "-help" {
			// Help is help, whatever else is on the line: urfave/cli
			// would take the first argument for a help topic.
			return append(append([]string{}, args[:ci+1]...), "--help"), nil
		}
	}
	out := append([]string{}, args[:ci+1]...)
	out = append(out, flags...)
	if len(pos) > 0 {
		out = append(out, "--")
		out = append(out, pos...)
	}
	return out, nil
}
