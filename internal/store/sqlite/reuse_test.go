package sqlite

import (
	"testing"

	"github.com/parallax-news/parallax/internal/store/storetest"
)

func TestDB_ReuseStore(t *testing.T) {
	storetest.RunReuse(t, func(t *testing.T) storetest.ReuseBackend { return openTemp(t) })
}
