package loadgen

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// ErrNotLoopback is returned for a target that is not this machine. Load
// traffic must never leave it: this tool opens thousands of connections a
// second, which to anyone else's server is an attack.
var ErrNotLoopback = errors.New("only loopback targets are allowed (127.0.0.0/8, ::1, localhost)")

// CheckLoopback accepts an http(s) URL whose host is localhost or a
// loopback IP literal. Other names are refused without a lookup: a name
// that resolves to loopback today may not tomorrow.
func CheckLoopback(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("loadgen: url %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("loadgen: url %q: want http://HOST:PORT", raw)
	}
	if !loopbackHost(u.Hostname()) {
		return fmt.Errorf("loadgen: refusing %q: %w", u.Host, ErrNotLoopback)
	}
	return nil
}

func loopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// dialer connects to loopback addresses only. The check runs on the
// resolved address just before connect(2), so it holds whatever the URL,
// a redirect or the resolver said.
func dialer() *net.Dialer {
	return &net.Dialer{
		Timeout: 10 * time.Second,
		Control: func(_, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
				return fmt.Errorf("loadgen: dial %s: %w", address, ErrNotLoopback)
			}
			return nil
		},
	}
}

// dialContext is dialer().DialContext, shared by every connection.
var dialContext = func() func(ctx context.Context, network, addr string) (net.Conn, error) {
	return dialer().DialContext
}()
