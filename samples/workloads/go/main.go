// Command goworkloads runs small Go programs with one known bottleneck each and writes a
// runtime/pprof profile of it. samples/scripts/record-go-samples.sh runs every mode.
//
//	goworkloads -mode cpu   -seconds 6 -out cpu.pb.gz    // regexp compiled on every call
//	goworkloads -mode heap  -seconds 6 -out heap.pb.gz   // fmt.Sprintf and slice growth per cell
//	goworkloads -mode mutex -seconds 6 -out mutex.pb.gz  // eight goroutines share one sync.Mutex
//	goworkloads -mode block -seconds 6 -out block.pb.gz  // the same ledger, block profile
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

func main() {
	mode := flag.String("mode", "cpu", "cpu, heap, mutex or block")
	seconds := flag.Int("seconds", 6, "how long the workload runs")
	out := flag.String("out", "profile.pb.gz", "where the profile goes")
	flag.Parse()
	deadline := time.Now().Add(time.Duration(*seconds) * time.Second)

	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()

	switch *mode {
	case "cpu":
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		// Labels mark which simulated endpoint did the work; they end up on every sample.
		pprof.Do(context.Background(), pprof.Labels("endpoint", "/orders/import"), func(context.Context) {
			fmt.Println("valid orders:", importOrders(deadline))
		})
		pprof.Do(context.Background(), pprof.Labels("endpoint", "/health"), func(context.Context) {
			fmt.Println("health checks:", healthChecks(time.Now().Add(300*time.Millisecond)))
		})
		pprof.StopCPUProfile()
	case "heap":
		runtime.MemProfileRate = 64 * 1024
		rows := buildReports(deadline)
		runtime.GC()
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			log.Fatal(err)
		}
		fmt.Println("report rows:", rows)
	case "mutex":
		runtime.SetMutexProfileFraction(1)
		fmt.Println("ledger entries:", runLedger(deadline))
		if err := pprof.Lookup("mutex").WriteTo(f, 0); err != nil {
			log.Fatal(err)
		}
	case "block":
		runtime.SetBlockProfileRate(1)
		fmt.Println("ledger entries:", runLedger(deadline))
		if err := pprof.Lookup("block").WriteTo(f, 0); err != nil {
			log.Fatal(err)
		}
	default:
		log.Fatalf("unknown mode %q", *mode)
	}
}
