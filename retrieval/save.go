package retrieval

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// Save writes the whole store — chunks, vectors, article catalogue and
// manifest — as one gzip'd chromem-go export at path. It writes path+".tmp",
// syncs it to disk, then renames it over path and syncs the directory, so
// that a crash or a failed write at any moment leaves either the old file
// or the new one, never a torn one.
//
// Save holds the writers' lock, not the readers': only writers change the
// DB, so searches continue while it runs and Put or Remove wait.
func (s *Store) Save(path string) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	tmp := path + ".tmp"
	if err := s.writeFile(tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("save store %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("save store %s: %w", path, err)
	}
	if err := syncDir(filepath.Dir(path)); err != nil {
		return fmt.Errorf("save store %s: %w", path, err)
	}
	return nil
}

// writeFile exports the DB to name and syncs it.
func (s *Store) writeFile(name string) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = s.db.ExportToWriter(w, true, "")
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a rename in dir durable. Some systems cannot sync a
// directory; the rename has still happened, so only a real error counts.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !os.IsPermission(err) {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
