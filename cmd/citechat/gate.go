package main

import "github.com/citechat/citechat/web"

// newGate returns the partner-keys gate when a partners file is configured,
// and nil (the server's default: same-origin and localhost only) otherwise.
func newGate(c *Config) (web.Gate, error) {
	if c.PartnersFile == "" {
		return nil, nil
	}
	g, err := web.LoadPartners(c.PartnersFile)
	if err != nil {
		return nil, err // not g: a nil *PartnerGate in the interface would not be nil
	}
	return g, nil
}
