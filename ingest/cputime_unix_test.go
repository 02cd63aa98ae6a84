//go:build unix

package ingest

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) this process has used. The
// benchmark reports throughput per CPU second as well as per wall second,
// since on a shared machine the wall clock also measures the neighbours.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
