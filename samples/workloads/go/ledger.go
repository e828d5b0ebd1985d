package main

import (
	"sync"
	"time"
)

// The known bottleneck of -mode mutex and -mode block: every goroutine records into one ledger
// guarded by one sync.Mutex, and Record re-prices while holding it.
type Ledger struct {
	mu      sync.Mutex
	entries map[int]float64
}

func (l *Ledger) Record(sku int, qty int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries[sku] += reprice(sku, qty)
}

func reprice(sku, qty int) float64 {
	p := float64(sku%97) + 0.5
	for i := 0; i < 2000; i++ {
		p = p*1.0000001 + float64(qty)*0.0001
	}
	return p
}

func runLedger(deadline time.Time) int {
	l := &Ledger{entries: map[int]float64{}}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				l.Record((w*7919+i)%500, i%5+1)
			}
		}(w)
	}
	wg.Wait()
	return len(l.entries)
}
