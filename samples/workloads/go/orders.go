package main

import (
	"regexp"
	"strings"
	"time"
)

// The known bottleneck of -mode cpu: isValidSKU compiles its regular expression on every call,
// so regexp.MustCompile dominates the CPU profile instead of the matching itself.
func isValidSKU(sku string) bool {
	re := regexp.MustCompile(`^[A-Z]{3}-[0-9]{4,6}(-[A-Z0-9]{2})?$`)
	return re.MatchString(sku)
}

// trimCode is small enough for the compiler to inline into importOrders, which gives the
// profile locations with several lines (inlined frames).
func trimCode(s string) string {
	return strings.ToUpper(strings.TrimSpace(s))
}

var skus = []string{" abc-12345 ", "XYZ-9999-A1", "bad sku", " QRS-123456", "LMN-42", "DEF-0000-ZZ "}

func importOrders(deadline time.Time) int {
	valid := 0
	for i := 0; time.Now().Before(deadline); i++ {
		if isValidSKU(trimCode(skus[i%len(skus)])) {
			valid++
		}
	}
	return valid
}

// healthChecks is the cheap endpoint, labelled apart from the import.
func healthChecks(deadline time.Time) int {
	n := 0
	for time.Now().Before(deadline) {
		n += len(strings.Repeat("ok", 8))
	}
	return n
}
