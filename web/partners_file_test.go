package web

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const goodYAML = `
partners:
  - key: pk_news_7f3a
    name: Example News
    origins:
      - https://news.example.org
      - https://*.example.org
      - http://localhost:3000
    limits:
      asks_per_minute: 3
      asks_per_day: 100
  - key: pk_blog_0001
    name: A Blog
    origins: ["https://blog.example.net:443"]
`

const goodJSON = `{"partners": [
	{"key": "pk_news_7f3a", "name": "Example News",
	 "origins": ["https://news.example.org", "https://*.example.org", "http://localhost:3000"],
	 "limits": {"asks_per_minute": 3, "asks_per_day": 100}},
	{"key": "pk_blog_0001", "name": "A Blog", "origins": ["https://blog.example.net:443"]}
]}`

func writePartnersFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadPartnersYAMLAndJSONAgree(t *testing.T) {
	for name, content := range map[string]string{"p.yaml": goodYAML, "p.json": goodJSON} {
		g, err := LoadPartners(writePartnersFile(t, name, content))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		news, ok := g.Partner("pk_news_7f3a")
		if !ok || news.Name != "Example News" || news.AsksPerMinute != 3 || news.AsksPerDay != 100 {
			t.Errorf("%s: news partner = %+v, %v", name, news, ok)
		}
		want := []string{"https://news.example.org", "https://*.example.org", "http://localhost:3000"}
		if got := news.Origins(); !slices.Equal(got, want) {
			t.Errorf("%s: origins = %q, want %q", name, got, want)
		}
		blog, _ := g.Partner("pk_blog_0001")
		if blog.AsksPerMinute != DefaultAsksPerMinute || blog.AsksPerDay != DefaultAsksPerDay {
			t.Errorf("%s: blog limits = %d/%d, want the defaults", name, blog.AsksPerMinute, blog.AsksPerDay)
		}
		if got := blog.Origins(); !slices.Equal(got, []string{"https://blog.example.net"}) {
			t.Errorf("%s: default port not normalised: %q", name, got)
		}
	}
}

func TestLoadPartnersErrors(t *testing.T) {
	entry := func(fields string) string {
		return "partners:\n  - key: pk_news_7f3a\n    name: News\n" + fields
	}
	cases := []struct{ name, content, want string }{
		{"p.yaml", "", "empty file"},
		{"p.yaml", "partners: []\n", "no partners listed"},
		{"p.yaml", entry("    origins: [https://a.example]\n    colour: red\n"), `line 5: unknown field "colour"`},
		{"p.yaml", entry("    origins: [https://a.example]\n    name: Again\n"), `"name" already defined`},
		{"p.yaml", entry("    origins: []\n"), `partners[0] (key "pk_news_7f3a").origins: empty`},
		{"p.yaml", entry(""), "origins: empty"},
		{"p.yaml", entry("    origins: [https://a.example/path]\n"), "origins[0]: origin \"https://a.example/path\": must be scheme://host[:port]"},
		{"p.yaml", entry("    origins: [a.example]\n"), "scheme must be http or https"},
		{"p.yaml", entry("    origins: [ftp://a.example]\n"), "scheme must be http or https"},
		{"p.yaml", entry("    origins: [\"https://a.*.example\"]\n"), "wildcard is only allowed as a leading"},
		{"p.yaml", entry("    origins: [\"https://*.org\"]\n"), "at least two labels"},
		{"p.yaml", entry("    origins: [https://a.example, \"https://A.example:443\"]\n"), "origins[1]: \"https://A.example:443\" listed twice"},
		{"p.yaml", entry("    origins: [https://a.example]\n    limits: {asks_per_minute: 0}\n"), "limits.asks_per_minute: 0 must be between 1"},
		{"p.yaml", entry("    origins: [https://a.example]\n    limits: {asks_per_hour: 5}\n"), `unknown field "asks_per_hour"`},
		{"p.yaml", entry("    origins: [https://a.example]\n") + entry("    origins: [https://b.example]\n")[len("partners:\n"):],
			`partners[1].key: "pk_news_7f3a" is also the key of partners[0]`},
		{"p.yaml", "partners:\n  - key: pk news\n    name: N\n    origins: [https://a.example]\n", "partners[0].key: \"pk news\" must be"},
		{"p.yaml", "partners:\n  - key: pk_news_7f3a\n    origins: [https://a.example]\n", "name: missing"},
		{"p.yaml", "partners: []\n---\npartners: []\n", "more than one YAML document"},
		{"p.json", "", "empty file"},
		{"p.json", `{"partners":[{"key":"pk_news_7f3a","name":"N","origins":["https://a.example"],"Name":"M"}]}`, `partners[0].Name: unknown field "Name"`},
		{"p.json", `{"partners":[{"key":"pk_news_7f3a","key":"pk_other_1","name":"N","origins":["https://a.example"]}]}`, `partners[0].key: duplicate field "key"`},
		{"p.json", `{"partners":[{"key":"pk_news_7f3a","name":"N","origins":["https://a.example"]}]} {}`, "data after the JSON object"},
		{"p.json", `{"partners":[{"key":"pk_news_7f3a","name":"N","origins":"https://a.example"}]}`, "cannot unmarshal string"},
		{"p.json", `{"partners":[`, "unexpected EOF"},
		{"p.toml", goodYAML, `unknown extension ".toml"`},
	}
	for _, c := range cases {
		path := writePartnersFile(t, c.name, c.content)
		_, err := LoadPartners(path)
		if err == nil {
			t.Errorf("%s %q: no error, want %q", c.name, c.content, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s %q:\n got %v\nwant the file name and %q", c.name, c.content, err, c.want)
		}
	}
}

func TestLoadPartnersMissingFile(t *testing.T) {
	_, err := LoadPartners(filepath.Join(t.TempDir(), "absent.yaml"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want fs.ErrNotExist", err)
	}
}
