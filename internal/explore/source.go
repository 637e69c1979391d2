package explore

import (
	"context"
	"errors"
)

// Source is what the explorer reads: actors and events as the query layer
// sees them. The handlers only aggregate and shape what it returns, so the
// page is as fast as the Source.
type Source interface {
	// SearchActors returns at most limit actors whose label or an alias
	// matches q (case- and accent-insensitive), best match first; an empty
	// q returns the actors with the most events.
	SearchActors(ctx context.Context, q string, limit int) ([]ActorHit, error)
	// Actor returns one actor by id, or ErrNotFound.
	Actor(ctx context.Context, id string) (*Actor, error)
	// Events returns the events that match f, without their reports, in
	// date order (undated last): limit of them (0: all) after skipping
	// offset, and how many match in all.
	Events(ctx context.Context, f Filter, limit, offset int) ([]EventRow, int, error)
	// Event returns one event with its reports, or ErrNotFound.
	Event(ctx context.Context, id string) (*EventDetail, error)
	// Summary describes the whole store.
	Summary(ctx context.Context) (*Summary, error)
}

// ErrNotFound is returned by a Source for an actor or event it does not hold.
var ErrNotFound = errors.New("not found")

// Filter selects events. The zero Filter selects all of them.
type Filter struct {
	Actor string   // events in which this actor (id) is the actor or the target
	With  string   // ... and this other actor is the other party, in either role
	From  string   // first date, YYYY-MM-DD, inclusive ("" open); a date bound leaves out undated events
	To    string   // last date, YYYY-MM-DD, inclusive ("" open)
	Roots []string // CAMEO roots ("04"); empty means all
}

// ActorRef names an actor in an answer.
type ActorRef struct {
	ID    string `json:"id"` // the actor's local name: actor:Donald_Trump → "Donald_Trump"
	Label string `json:"label"`
	Type  string `json:"type,omitempty"` // Person, Country, Organization, Group
}

// Actor is what the store says about an actor.
type Actor struct {
	ActorRef
	IRI      string   `json:"iri"`
	Aliases  []string `json:"aliases"`
	Country  string   `json:"country,omitempty"`  // ISO 3166 alpha-3
	Wikidata string   `json:"wikidata,omitempty"` // Q-id
	Events   int      `json:"events"`             // events with the actor as actor or target
}

// ActorHit is a search result: the actor and the name that matched.
type ActorHit struct {
	Actor
	Matched string `json:"matched"`
}

// EventRow is one event without its reports: what tables and aggregates need.
type EventRow struct {
	ID       string    // local name: event:2017-05-02-621b… → "2017-05-02-621b…"
	Date     string    // YYYY-MM-DD, "" when no article dates it
	Actor    ActorRef  //
	Target   *ActorRef // nil when the action has none
	Code     string    // CAMEO code
	Sources  int       // articles reporting it
	Evidence string    // one report's sentence
}

// EventDetail is one event with its reports: what `kg explain` shows of it.
type EventDetail struct {
	ID      string    `json:"id"`
	IRI     string    `json:"iri"`
	Date    string    `json:"date,omitempty"`
	Actor   ActorRef  `json:"actor"`
	Target  *ActorRef `json:"target"`
	Action  Action    `json:"action"`
	Sources int       `json:"sources"`
	Reports []Report  `json:"reports"`
}

// Report is one article's account of an event.
type Report struct {
	ID         string    `json:"id"`
	IRI        string    `json:"iri"`
	Rule       string    `json:"rule"`
	Confidence float64   `json:"confidence"`
	Action     Action    `json:"action"`
	ReportedBy *ActorRef `json:"reported_by"`
	Article    Article   `json:"article"`
	Evidence   string    `json:"evidence"`
	// Start and End are the evidence sentence's character offsets in the
	// article (oa:TextPositionSelector); -1 when the store has none.
	Start int `json:"start"`
	End   int `json:"end"`
	// Segments is the evidence cut into text and marked actor and target
	// mentions, so a front end can highlight them without offsets.
	Segments []Segment `json:"segments"`
}

// Segment is a piece of evidence text; Role is "actor", "target" or "".
type Segment struct {
	Text string `json:"text"`
	Role string `json:"role,omitempty"`
}

// Article is a source article's metadata.
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Issued    string `json:"issued,omitempty"`
}

// Summary describes the store as a whole.
type Summary struct {
	Events   int    `json:"events"`
	Actors   int    `json:"actors"` // actors taking part in at least one event
	Articles int    `json:"articles"`
	First    string `json:"first,omitempty"` // earliest event date
	Last     string `json:"last,omitempty"`
	Undated  int    `json:"undated"`
}
