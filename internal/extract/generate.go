package extract

// rules/actors_phoenix.yaml is generated from PETRARCH's Phoenix actor
// dictionaries (MIT licence), kept beside the repository in shared/; see
// internal/phoenix. TestPhoenixUpToDate fails when it is stale.
//go:generate go run ./internal/phoenix -o rules/actors_phoenix.yaml ../../../shared/peers/petrarch2/dictionaries

// rules/frames_petrarch.yaml is generated from PETRARCH-2's CAMEO verb
// dictionary (MIT licence) with internal/petrarch/overrides.yaml, leaving
// to the hand-written frames*.yaml what they state; see internal/petrarch.
// Its TestUpToDate fails when the file is stale.
//go:generate go run ./internal/petrarch -o rules/frames_petrarch.yaml ../../../shared/peers/petrarch2/dictionaries

// rules/actors_world.yaml adds every country's current name, capital and
// demonyms from the npm packages countries-list and i18n-nationality (MIT
// licences), which the generator installs with npm into ~/.cache/kg-countries
// ($KG_COUNTRIES_DIR) on its first run; see internal/countries. Its
// TestUpToDate fails when the file is stale and the packages are installed.
//go:generate go run ./internal/countries -o rules/actors_world.yaml
