package extract

// rules/actors_phoenix.yaml is generated from PETRARCH's Phoenix actor
// dictionaries (MIT licence), kept beside the repository in shared/; see
// internal/phoenix. TestPhoenixUpToDate fails when it is stale.
//go:generate go run ./internal/phoenix -o rules/actors_phoenix.yaml ../../../shared/peers/petrarch2/dictionaries
