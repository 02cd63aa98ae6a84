package web

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// The partners file, YAML or JSON by its extension:
//
//	partners:
//	  - key: pk_examplenews_7f3a         # public: it appears in the partner's page
//	    name: Example News
//	    origins:                          # scheme://host[:port], exactly as a browser sends Origin
//	      - https://news.example.org
//	      - https://*.example.org         # any subdomain (not example.org itself)
//	    limits:                           # optional; defaults below
//	      asks_per_minute: 10             # per visitor (key + client address)
//	      asks_per_day: 5000              # per key, all visitors together
//
// Both limits are token buckets: a visitor may ask asks_per_minute questions
// at once and then one more every minute/asks_per_minute; a key may use its
// whole day at once and then gets one ask back every 24h/asks_per_day (a
// rolling day, not one that resets at midnight).
//
// Parsing is strict: an unknown or duplicated field, a duplicated key, a
// partner without origins or an origin a browser would never send is an
// error naming the file and the field, so a typo fails at start-up instead
// of locking a partner out.
type partnersFile struct {
	Partners []partnerEntry `json:"partners" yaml:"partners"`
}

type partnerEntry struct {
	Key     string       `json:"key" yaml:"key"`
	Name    string       `json:"name" yaml:"name"`
	Origins []string     `json:"origins" yaml:"origins"`
	Limits  *limitsEntry `json:"limits" yaml:"limits"`
}

type limitsEntry struct {
	AsksPerMinute *int `json:"asks_per_minute" yaml:"asks_per_minute"`
	AsksPerDay    *int `json:"asks_per_day" yaml:"asks_per_day"`
}

// Limits a partner gets when its entry leaves them out.
const (
	DefaultAsksPerMinute = 10
	DefaultAsksPerDay    = 5000
	// maxLimit keeps the bucket interval (period/limit, in whole
	// nanoseconds) exact enough that exactly the limit passes.
	maxLimit = 1_000_000
)

var keySyntax = regexp.MustCompile(`^[A-Za-z0-9_.-]{4,128}$`)

// LoadPartners reads a partners file (.yaml, .yml or .json) into a gate
// that admits those partners' keys from their origins, and everything
// without a key by the rules of the default gate. Every error names the
// file; errors.Is(err, fs.ErrNotExist) when the file is absent.
func LoadPartners(path string) (*PartnerGate, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("partners: %w", err)
	}
	partners, err := parsePartners(filepath.Ext(path), data)
	if err != nil {
		return nil, fmt.Errorf("partners: %s: %w", path, err)
	}
	return newPartnerGate(LocalGate{}, partners...), nil
}

func parsePartners(ext string, data []byte) ([]Partner, error) {
	var f partnersFile
	var err error
	switch strings.ToLower(ext) {
	case ".yaml", ".yml":
		err = decodeYAML(data, &f)
	case ".json":
		err = decodeJSON(data, &f)
	default:
		return nil, fmt.Errorf("unknown extension %q (want .yaml, .yml or .json)", ext)
	}
	if err != nil {
		return nil, err
	}
	return validatePartners(f)
}

// validatePartners turns the decoded file into partners, refusing what
// decoding cannot: missing fields, duplicated keys, bad origins and limits.
func validatePartners(f partnersFile) ([]Partner, error) {
	if len(f.Partners) == 0 {
		return nil, errors.New("partners: no partners listed")
	}
	seen := map[string]int{}
	out := make([]Partner, 0, len(f.Partners))
	for i, e := range f.Partners {
		at := fmt.Sprintf("partners[%d]", i)
		if !keySyntax.MatchString(e.Key) {
			return nil, fmt.Errorf("%s.key: %q must be 4-128 characters of A-Z a-z 0-9 _ . -", at, e.Key)
		}
		if j, dup := seen[e.Key]; dup {
			return nil, fmt.Errorf("%s.key: %q is also the key of partners[%d]", at, e.Key, j)
		}
		seen[e.Key] = i
		p, err := validateEntry(e)
		if err != nil {
			return nil, fmt.Errorf("%s (key %q).%w", at, e.Key, err)
		}
		out = append(out, p)
	}
	return out, nil
}

func validateEntry(e partnerEntry) (Partner, error) {
	p := Partner{Key: e.Key, Name: strings.TrimSpace(e.Name),
		AsksPerMinute: DefaultAsksPerMinute, AsksPerDay: DefaultAsksPerDay}
	if p.Name == "" {
		return p, errors.New("name: missing")
	}
	if len(e.Origins) == 0 {
		return p, errors.New("origins: empty (list the sites allowed to use this key)")
	}
	for i, s := range e.Origins {
		o, err := parseOrigin(s)
		if err != nil {
			return p, fmt.Errorf("origins[%d]: %w", i, err)
		}
		if p.hasOrigin(o) {
			return p, fmt.Errorf("origins[%d]: %q listed twice", i, s)
		}
		p.origins = append(p.origins, o)
	}
	if e.Limits != nil {
		for _, l := range []struct {
			name string
			v    *int
			dst  *int
		}{{"asks_per_minute", e.Limits.AsksPerMinute, &p.AsksPerMinute}, {"asks_per_day", e.Limits.AsksPerDay, &p.AsksPerDay}} {
			if l.v != nil && (*l.v <= 0 || *l.v > maxLimit) {
				return p, fmt.Errorf("limits.%s: %d must be between 1 and %d (leave it out for the default)", l.name, *l.v, maxLimit)
			}
			if l.v != nil {
				*l.dst = *l.v
			}
		}
	}
	return p, nil
}

// perMinute and perDay are the partner's limits as rates.
func (p *Partner) perMinute() rate { return rate{p.AsksPerMinute, time.Minute} }
func (p *Partner) perDay() rate    { return rate{p.AsksPerDay, 24 * time.Hour} }
