package news

import "errors"

// Sentinel errors callers can branch on with errors.Is.
var (
	ErrNotFound    = errors.New("not found")
	ErrInvalid     = errors.New("invalid input")
	ErrUnsupported = errors.New("unsupported input")
	ErrTooLarge    = errors.New("input too large")
	ErrEmpty       = errors.New("no article text")
	ErrBinary      = errors.New("binary data, not text")
)
