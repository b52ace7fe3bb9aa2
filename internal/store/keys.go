package store

import (
	"encoding/binary"
	"fmt"
)

// EncodeKeys returns the blob a store keeps for a reuse signature's keys:
// each key as eight little-endian bytes.
func EncodeKeys(keys []uint64) []byte {
	b := make([]byte, 8*len(keys))
	for i, k := range keys {
		binary.LittleEndian.PutUint64(b[8*i:], k)
	}
	return b
}

// DecodeKeys reads what EncodeKeys writes.
func DecodeKeys(b []byte) ([]uint64, error) {
	if len(b)%8 != 0 {
		return nil, fmt.Errorf("signature of %d bytes is not a list of keys", len(b))
	}
	keys := make([]uint64, len(b)/8)
	for i := range keys {
		keys[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return keys, nil
}
