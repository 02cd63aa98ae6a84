package loadgen

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// machineCPU is a reading of the whole machine's CPU time (/proc/stat) and
// the load tool's own (getrusage), so a report can say how much of the
// machine the server, the load tool and everything else took. On a shared
// machine that is what makes a latency figure readable.
type machineCPU struct {
	busy, total float64 // seconds, all cores together
	self        float64 // seconds used by this process
	at          time.Time
}

// userHZ is the unit of /proc/stat; 100 on every Linux in use.
const userHZ = 100

func readMachineCPU() (machineCPU, bool) {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return machineCPU{}, false
	}
	line, _, _ := strings.Cut(string(data), "\n")
	f := strings.Fields(line)
	if len(f) < 5 || f[0] != "cpu" {
		return machineCPU{}, false
	}
	var m machineCPU
	for i, s := range f[1:] {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return machineCPU{}, false
		}
		if i >= 8 { // guest time is already counted in user time
			break
		}
		m.total += v / userHZ
		if i != 3 && i != 4 { // idle, iowait
			m.busy += v / userHZ
		}
	}
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		m.self = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
	}
	m.at = time.Now()
	return m, true
}

// machineUsage is the CPU used between two readings, in cores (1.0 = one
// core busy all the time).
func machineUsage(a, b machineCPU, serverCPU float64) *Machine {
	wall := b.at.Sub(a.at).Seconds()
	if wall <= 0 {
		return nil
	}
	u := &Machine{Cores: runtime.NumCPU(), Seconds: wall}
	u.Busy = (b.busy - a.busy) / wall
	u.LoadTool = (b.self - a.self) / wall
	u.Server = serverCPU / wall
	u.Others = max(0, u.Busy-u.LoadTool-u.Server)
	return u
}
