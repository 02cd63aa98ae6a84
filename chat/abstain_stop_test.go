package chat

import "testing"

func TestFullStopNeverDoubles(t *testing.T) {
	for in, want := range map[string]string{
		"“A” by Zhu Feng et al.": "“A” by Zhu Feng et al.",
		"“A” by Ge Hongliang":    "“A” by Ge Hongliang.",
	} {
		if got := fullStop(in); got != want {
			t.Errorf("fullStop(%q) = %q, want %q", in, got, want)
		}
	}
}
