package main

import (
	"fmt"
	"time"
)

type row struct {
	id    int
	price float64
	qty   int
}

// The known bottleneck of -mode heap: renderRow formats every cell with fmt.Sprintf and grows
// its slice from zero capacity, so it allocates most of the bytes.
func renderRow(r row) []string {
	var cells []string
	cells = append(cells, fmt.Sprintf("%d", r.id))
	cells = append(cells, fmt.Sprintf("%.2f", r.price))
	cells = append(cells, fmt.Sprintf("%d", r.qty))
	cells = append(cells, fmt.Sprintf("%.2f", r.price*float64(r.qty)))
	return cells
}

func loadRows(n int) []row {
	rows := make([]row, n)
	for i := range rows {
		rows[i] = row{id: i, price: float64(i%100) + 0.99, qty: i % 7}
	}
	return rows
}

func buildReports(deadline time.Time) int {
	total := 0
	for time.Now().Before(deadline) {
		for _, r := range loadRows(2000) {
			total += len(renderRow(r))
		}
	}
	return total
}
