package chat

// Emit receives the events of one request, in order. It may block to apply
// backpressure; it returns an error to stop the request (the client is gone
// or cannot keep up), and the answerer then stops at once and returns it.
type Emit func(Event) error
