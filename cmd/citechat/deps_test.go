package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencyDirection keeps the package graph honest (after golang/go's
// src/go/build/deps_test.go): cmd → web → chat → retrieval and
// cmd → ingest → retrieval, with gin and gorilla/websocket only in web.
func TestDependencyDirection(t *testing.T) {
	const mod = "github.com/citechat/citechat/"
	allowed := map[string][]string{
		"retrieval": {},
		"ingest":    {"retrieval"},
		"chat":      {"retrieval"},
		"web":       {"chat", "retrieval"},
	}
	webOnly := []string{"github.com/gin-gonic/gin", "github.com/gorilla/websocket"}
	for pkg, ok := range allowed {
		out, err := exec.Command("go", "list", "-deps", mod+pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			if own, found := strings.CutPrefix(dep, mod); found && !contains(append(ok, pkg), own) {
				t.Errorf("%s must not import %s", pkg, own)
			}
			for _, w := range webOnly {
				if pkg != "web" && strings.HasPrefix(dep, w) {
					t.Errorf("%s must not import %s: only web speaks HTTP", pkg, w)
				}
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s || strings.HasPrefix(s, x+"/") {
			return true
		}
	}
	return false
}
