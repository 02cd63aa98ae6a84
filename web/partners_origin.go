package web

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// origin is one entry of a partner's allowlist: an exact scheme://host[:port],
// or, when wildcard is set, any subdomain of host ("https://*.example.org"
// allows https://news.example.org and https://a.b.example.org but not
// https://example.org itself, which must be listed on its own).
type origin struct {
	scheme   string
	host     string // lower case, without the port
	port     string // always explicit: "443" for https when the entry omits it
	wildcard bool
}

// parseOrigin reads an allowlist entry. It refuses anything a browser would
// never send as an Origin (paths, queries, user info, other schemes), so a
// typo in the partners file is an error at start-up rather than a partner
// silently locked out.
func parseOrigin(s string) (origin, error) {
	if s == "" {
		return origin{}, errors.New("empty origin")
	}
	wildcard := false
	raw := s
	if scheme, rest, ok := strings.Cut(s, "://*."); ok {
		wildcard = true
		raw = scheme + "://" + rest
	}
	u, err := url.Parse(raw)
	if err != nil {
		return origin{}, fmt.Errorf("origin %q: %w", s, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return origin{}, fmt.Errorf("origin %q: scheme must be http or https", s)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery ||
		(u.Path != "" && u.Path != "/") || u.Opaque != "" {
		return origin{}, fmt.Errorf("origin %q: must be scheme://host[:port] with no path, query or user", s)
	}
	o := origin{scheme: u.Scheme, host: strings.ToLower(u.Hostname()), port: u.Port(), wildcard: wildcard}
	if o.host == "" || strings.Contains(o.host, "*") {
		return origin{}, fmt.Errorf("origin %q: bad host (a wildcard is only allowed as a leading \"*.\")", s)
	}
	if wildcard && (net.ParseIP(o.host) != nil || !strings.Contains(o.host, ".")) {
		return origin{}, fmt.Errorf("origin %q: a wildcard needs a domain with at least two labels", s)
	}
	if o.port == "" {
		o.port = defaultPort(o.scheme)
	}
	return o, nil
}

// parseRequestOrigin reads the Origin header of a request. Browsers send
// "null" for sandboxed frames and file:// pages; that parses as an error,
// so such pages are never admitted with a key.
func parseRequestOrigin(s string) (origin, error) {
	if strings.Contains(s, "*") {
		return origin{}, fmt.Errorf("origin %q: not a browser origin", s)
	}
	return parseOrigin(s)
}

func defaultPort(scheme string) string {
	if scheme == "https" {
		return "443"
	}
	return "80"
}

// matches reports whether the request origin o is allowed by the entry a.
func (a origin) matches(o origin) bool {
	if a.scheme != o.scheme || a.port != o.port {
		return false
	}
	if a.wildcard {
		return strings.HasSuffix(o.host, "."+a.host)
	}
	return a.host == o.host
}

// String gives the entry in the form the partners file used, with default
// ports left out.
func (a origin) String() string {
	host := a.host
	if a.wildcard {
		host = "*." + host
	}
	if strings.Contains(a.host, ":") { // IPv6 literal
		host = "[" + host + "]"
	}
	if a.port != defaultPort(a.scheme) {
		host += ":" + a.port
	}
	return a.scheme + "://" + host
}
