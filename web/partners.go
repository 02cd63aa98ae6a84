package web

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Partner keys.
//
// A partner embeds the widget with a public key. The key is not a secret
// (it is in the partner's page source); what protects it is the Origin
// check: a browser always sends the true Origin of the page that opens a
// websocket or makes a cross-site fetch, and page scripts cannot forge it,
// so a key copied onto another site is refused there. Anything that is not
// a browser can send any Origin it likes, so the check does not stop a
// scripted client; the per-visitor and per-key limits bound what such a
// client can take. CORS does not protect a websocket handshake, which is
// why the gate checks Origin itself, at the upgrade and on REST/SSE alike.
//
// A request with a key but no Origin header is refused: a key is only for
// browsers on the partner's site, and a browser always sends Origin on
// websocket handshakes and cross-site POSTs. Requests without a key are
// the publisher's own (same origin, localhost, or server-side clients)
// and are left to the fallback gate.

// Errors of Admit, for callers that log or count refusals by cause.
var (
	ErrUnknownKey       = errors.New("unknown partner key")
	ErrOriginNotAllowed = errors.New("origin not allowed for this key")
	ErrNoOrigin         = errors.New("partner key used without an Origin header (keys work only from browsers on the partner's site)")
)

// KeyHeader carries the partner key when it is not in the "key" query
// parameter.
const KeyHeader = "X-Citechat-Key"

// Partner is one entry of the partners file.
type Partner struct {
	Key           string
	Name          string
	AsksPerMinute int // per visitor: key + client address
	AsksPerDay    int // per key, all visitors together
	origins       []origin
}

// Origins returns the partner's allowlist as written in the file, with
// default ports left out.
func (p *Partner) Origins() []string {
	out := make([]string, len(p.origins))
	for i, o := range p.origins {
		out[i] = o.String()
	}
	return out
}

func (p *Partner) hasOrigin(o origin) bool {
	for _, a := range p.origins {
		if a == o {
			return true
		}
	}
	return false
}

func (p *Partner) allows(o origin) bool {
	for _, a := range p.origins {
		if a.matches(o) {
			return true
		}
	}
	return false
}

// PartnerGate is the Gate of a server with a partners file: keyed requests
// are admitted only from their partner's origins and limited per visitor
// and per key; requests without a key go to the fallback gate.
type PartnerGate struct {
	partners map[string]*Partner
	limits   *limiter
	fallback Gate
}

func newPartnerGate(fallback Gate, partners ...Partner) *PartnerGate {
	g := &PartnerGate{partners: map[string]*Partner{}, limits: newLimiter(), fallback: fallback}
	for i := range partners {
		p := partners[i] // copy at the boundary
		g.partners[p.Key] = &p
	}
	return g
}

// Partner returns the partner with the given key.
func (g *PartnerGate) Partner(key string) (Partner, bool) {
	p, ok := g.partners[key]
	if !ok {
		return Partner{}, false
	}
	return *p, true
}

// Admit identifies the visitor of r. Its outcomes:
//   - no key: whatever the fallback gate decides;
//   - a key nobody has: ErrUnknownKey;
//   - a known key without an Origin header: ErrNoOrigin;
//   - a known key from an origin outside its allowlist: ErrOriginNotAllowed;
//   - otherwise a Visitor naming the key, the partner and the origin.
//
// Refusals are *Error with CodeForbidden, a message safe for the client and
// the cause (one of the errors above, with the key and origin) for the log.
func (g *PartnerGate) Admit(r *http.Request) (Visitor, error) {
	key, err := requestKey(r)
	if err != nil {
		return Visitor{}, err
	}
	if key == "" {
		return g.fallback.Admit(r)
	}
	p, ok := g.partners[key]
	if !ok {
		return Visitor{}, refuse("unknown key", fmt.Errorf("key %q: %w", key, ErrUnknownKey))
	}
	hdr := r.Header.Get("Origin")
	if hdr == "" {
		return Visitor{}, refuse("a partner key works only from a web page on the partner's site",
			fmt.Errorf("key %q: %w", key, ErrNoOrigin))
	}
	o, err := parseRequestOrigin(hdr)
	if err != nil || !p.allows(o) {
		return Visitor{}, refuse("this site may not use this key",
			fmt.Errorf("key %q (%s) from %q: %w", key, p.Name, hdr, ErrOriginNotAllowed))
	}
	return Visitor{Key: key, Partner: p.Name, Origin: hdr}, nil // the server fills in Addr
}

// refuse is a 403 telling the client msg; err, with the details, is logged.
func refuse(msg string, err error) *Error {
	return &Error{Code: CodeForbidden, Message: msg, Err: err}
}

// AllowAsk takes one ask from the visitor's per-minute allowance and the
// key's per-day allowance, or from neither, and says how long to wait when
// either is used up. Visitors without a key are the fallback gate's.
func (g *PartnerGate) AllowAsk(v Visitor, now time.Time) (time.Duration, bool) {
	p, ok := g.partners[v.Key]
	if v.Key == "" || !ok {
		return g.fallback.AllowAsk(v, now)
	}
	return g.limits.allow(p.Key, v.Addr, p.perMinute(), p.perDay(), now)
}

// requestKey reads the key from the "key" query parameter or KeyHeader;
// two different keys in one request are refused rather than guessed at.
func requestKey(r *http.Request) (string, error) {
	q, h := r.URL.Query().Get("key"), r.Header.Get(KeyHeader)
	if q != "" && h != "" && q != h {
		return "", refuse("two different keys", fmt.Errorf("%q in the query, %q in %s: %w", q, h, KeyHeader, ErrUnknownKey))
	}
	if q != "" {
		return q, nil
	}
	return h, nil
}
