module evident.dev/samples/goworkloads

go 1.19
