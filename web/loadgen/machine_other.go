//go:build !linux

package loadgen

type machineCPU struct{}

func readMachineCPU() (machineCPU, bool) { return machineCPU{}, false }

func machineUsage(a, b machineCPU, serverCPU float64) *Machine { return nil }
