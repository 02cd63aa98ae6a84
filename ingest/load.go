package ingest

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// Load reads articles from files and directories (walked recursively). It
// returns the articles in a stable order — paths in the order given,
// directory entries in lexical order, articles in their order in a file —
// with unique IDs and content hashes. Each file that cannot be read or
// parsed, or is only partly understood, gives one Problem and the other
// files are still read. The error is non-nil only when ctx is done; no
// articles are returned then.
//
// Article.Source is the path as given, joined with the file's path inside
// a directory ("articles/2024/tides.md").
func Load(ctx context.Context, paths ...string) ([]retrieval.Article, []Problem, error) {
	var c collector
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		info, err := os.Stat(p)
		if err != nil {
			c.problem(p, unwrapPath(err))
			continue
		}
		if info.IsDir() {
			if err := c.walk(ctx, os.DirFS(p), ".", func(name string) string { return filepath.Join(p, filepath.FromSlash(name)) }); err != nil {
				return nil, nil, err
			}
			continue
		}
		c.file(os.DirFS(filepath.Dir(p)), filepath.Base(p), p, true)
	}
	return c.finish()
}

// LoadFS is Load for the tree under root in fsys (as for Bundled()).
// Article.Source is the file's path in fsys.
func LoadFS(ctx context.Context, fsys fs.FS, root string) ([]retrieval.Article, []Problem, error) {
	var c collector
	info, err := fs.Stat(fsys, root)
	switch {
	case err != nil:
		c.problem(root, unwrapPath(err))
	case info.IsDir():
		if err := c.walk(ctx, fsys, root, func(name string) string { return name }); err != nil {
			return nil, nil, err
		}
	default:
		c.file(fsys, root, root, true)
	}
	return c.finish()
}

// collector gathers what a Load finds.
type collector struct {
	articles []retrieval.Article
	problems []Problem
}

func (c *collector) problem(path string, err error) {
	c.problems = append(c.problems, Problem{Path: path, Err: err})
}

// walk reads every file of a known format under root. Hidden files and
// directories and a corpus's notes (README, SOURCE, LICENSE, NOTICE) are
// skipped: they describe a collection, they are not part of it.
func (c *collector) walk(ctx context.Context, fsys fs.FS, root string, source func(string) string) error {
	return fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			c.problem(source(name), unwrapPath(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		base := path.Base(name)
		if name != root && strings.HasPrefix(base, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || isNote(base) || formatOf(base) == nil {
			return nil
		}
		c.file(fsys, name, source(name), false)
		return nil
	})
}

func isNote(base string) bool {
	stem := strings.ToLower(strings.TrimSuffix(base, path.Ext(base)))
	switch stem {
	case "readme", "source", "sources", "license", "licence", "notice", "changelog":
		return true
	}
	return false
}

// file reads and parses one file. named is true when the user named the
// file itself: then an unknown format is a problem rather than ignored.
func (c *collector) file(fsys fs.FS, name, source string, named bool) {
	parse := formatOf(name)
	if parse == nil {
		if named {
			c.problem(source, ErrUnsupported)
		}
		return
	}
	data, err := readLimited(fsys, name)
	if err != nil {
		c.problem(source, err)
		return
	}
	res := parse(data, name)
	for i := range res.articles {
		res.articles[i].Source = source
		res.articles[i].Seq = i
		if strings.TrimSpace(res.articles[i].Title) == "" {
			res.articles[i].Title = titleFromName(name)
		}
	}
	c.articles = append(c.articles, res.articles...)
	if res.err != nil {
		c.problem(source, res.err)
	}
	for _, lp := range res.records {
		c.problem(source+":"+lp.Path, lp.Err)
	}
}

func (c *collector) finish() ([]retrieval.Article, []Problem, error) {
	assignIDs(c.articles)
	for i := range c.articles {
		c.articles[i].Hash = hashArticle(c.articles[i])
	}
	return c.articles, c.problems, nil
}

// unwrapPath drops the operation and path from an fs.PathError: the
// Problem names the path already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
