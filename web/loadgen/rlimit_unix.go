//go:build unix

package loadgen

import (
	"fmt"
	"syscall"
)

// RaiseFileLimit makes room for at least want open files (sockets): it
// raises the soft RLIMIT_NOFILE, and the hard one too when the process may
// (root). It returns the limit in force afterwards; an error means fewer
// than want are available.
func RaiseFileLimit(want uint64) (uint64, error) {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return 0, fmt.Errorf("getrlimit: %w", err)
	}
	if lim.Cur >= want {
		return lim.Cur, nil
	}
	next := lim
	next.Cur = want
	if next.Max < want {
		next.Max = want
	}
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &next); err != nil {
		// Not allowed to raise the hard limit: take what it allows.
		next = syscall.Rlimit{Cur: lim.Max, Max: lim.Max}
		if err2 := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &next); err2 != nil {
			return lim.Cur, fmt.Errorf("setrlimit: %w", err)
		}
		return next.Cur, fmt.Errorf("open files limited to %d (wanted %d): %w", next.Cur, want, err)
	}
	return next.Cur, nil
}
