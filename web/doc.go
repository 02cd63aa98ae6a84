// Package web serves citechat over HTTP.
package web
