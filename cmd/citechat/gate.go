package main

import "github.com/citechat/citechat/web"

// newGate returns the partner-keys gate when a partners file is configured,
// and nil (the server's default: same-origin and localhost only) otherwise.
func newGate(c *Config) (web.Gate, error) {
	if c.PartnersFile == "" {
		return nil, nil
	}
	return web.LoadPartners(c.PartnersFile)
}
