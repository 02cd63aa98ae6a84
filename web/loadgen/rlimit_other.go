//go:build !unix

package loadgen

// RaiseFileLimit is a no-op where there is no RLIMIT_NOFILE.
func RaiseFileLimit(want uint64) (uint64, error) { return want, nil }
