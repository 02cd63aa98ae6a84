// Package ingest turns publishers' source files into clean, attributed
// articles and then into chunks for retrieval.
package ingest
