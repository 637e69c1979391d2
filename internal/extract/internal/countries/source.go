package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// The npm packages read, at pinned versions so that every machine
// generates the same bytes. Both are under the MIT licence; see header.go
// for why not world-countries (ODbL).
var packages = []npmPackage{
	{Name: "countries-list", Version: "3.4.1"},
	{Name: "i18n-nationality", Version: "1.4.0"},
}

type npmPackage struct{ Name, Version string }

func (p npmPackage) String() string { return p.Name + "@" + p.Version }

// The files read from them.
const (
	countriesFile     = "countries-list/countries.min.json"              // alpha-2 → name, alias, capital
	alpha3File        = "countries-list/minimal/countries.2to3.min.json" // alpha-2 → alpha-3
	nationalitiesFile = "i18n-nationality/langs/en.json"                 // alpha-2 → English nationality adjective
)

// entry is one ISO 3166-1 entry of the dataset: a state or a territory.
type entry struct {
	Alpha2, Alpha3 string
	Name           string   // short English name: "Ivory Coast"
	Aliases        []string // other names: "Cote d'Ivoire", former names ("Upper Volta")
	Capital        string   // "" for Antarctica and the like
	Nationality    string   // raw: "Congolese (Republic of the Congo)", "Bosnian - Herzegovinian"
}

// defaultDataDir is where fetch installs the packages: the user's cache,
// or $KG_COUNTRIES_DIR.
func defaultDataDir() string {
	if d := os.Getenv("KG_COUNTRIES_DIR"); d != "" {
		return d
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	return filepath.Join(cache, "kg-countries")
}

// modulesDir is the node_modules directory of an npm prefix.
func modulesDir(prefix string) string { return filepath.Join(prefix, "node_modules") }

// checkVersions reads the installed packages' versions from a node_modules
// directory, and fails unless each is the pinned one. It returns them as
// "name@version" for the header.
func checkVersions(modules fs.FS) ([]string, error) {
	var out []string
	for _, p := range packages {
		var pj struct{ Version string }
		b, err := fs.ReadFile(modules, p.Name+"/package.json")
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(b, &pj); err != nil {
			return nil, fmt.Errorf("%s/package.json: %w", p.Name, err)
		}
		if pj.Version != p.Version {
			return nil, fmt.Errorf("%s is version %s, want %s", p.Name, pj.Version, p.Version)
		}
		out = append(out, p.String())
	}
	return out, nil
}

// fetch installs the pinned packages under prefix with npm, unless they are
// there already. It is the one step that needs the network.
func fetch(prefix string) error {
	if _, err := checkVersions(os.DirFS(modulesDir(prefix))); err == nil {
		return nil
	}
	if err := os.MkdirAll(prefix, 0o755); err != nil {
		return err
	}
	args := []string{"install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-save", "--loglevel=error"}
	for _, p := range packages {
		args = append(args, p.String())
	}
	fmt.Fprintf(os.Stderr, "countries: npm %s\n", strings.Join(args, " "))
	cmd := exec.Command("npm", args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("npm install: %w", err)
	}
	_, err := checkVersions(os.DirFS(modulesDir(prefix)))
	return err
}

// readEntries reads the dataset from a node_modules directory: one entry
// per ISO alpha-2 code of countries-list, in code order.
func readEntries(modules fs.FS) ([]*entry, error) {
	var countries map[string]struct {
		Name    string   `json:"name"`
		Alias   []string `json:"alias"`
		Capital string   `json:"capital"`
	}
	var alpha3 map[string]string
	var nat struct {
		Locale        string            `json:"locale"`
		Nationalities map[string]string `json:"nationalities"`
	}
	for _, f := range []struct {
		name string
		v    any
	}{{countriesFile, &countries}, {alpha3File, &alpha3}, {nationalitiesFile, &nat}} {
		b, err := fs.ReadFile(modules, f.name)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(b, f.v); err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
	}
	if nat.Locale != "en" {
		return nil, fmt.Errorf("%s: locale %q, want en", nationalitiesFile, nat.Locale)
	}
	var out []*entry
	var errs []error
	for a2, c := range countries {
		a3 := alpha3[a2]
		if len(a3) != 3 || c.Name == "" {
			errs = append(errs, fmt.Errorf("%s: %s has no alpha-3 code or no name", countriesFile, a2))
			continue
		}
		out = append(out, &entry{Alpha2: a2, Alpha3: a3, Name: c.Name, Aliases: c.Alias,
			Capital: c.Capital, Nationality: nat.Nationalities[a2]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Alpha2 < out[j].Alpha2 })
	return out, errors.Join(errs...)
}
