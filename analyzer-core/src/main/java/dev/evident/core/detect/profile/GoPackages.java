package dev.evident.core.detect.profile;

import java.util.List;

/**
 * Whose code a Go function is, from its import path. Go names carry the full path
 * ({@code github.com/acme/shop/store.(*Cache).Get}); the standard library is exactly the set of
 * paths whose first element has no dot ({@code runtime}, {@code encoding/json}), except
 * {@code main}, which is the program itself.
 */
final class GoPackages {

    /** Widely used modules that are nobody's application code. */
    static final List<String> LIBRARY_PREFIXES = List.of(
            "golang.org/x/", "google.golang.org/", "github.com/golang/", "github.com/google/",
            "github.com/gin-gonic/", "github.com/labstack/echo", "github.com/gorilla/", "github.com/go-chi/",
            "github.com/valyala/", "github.com/gofiber/", "go.uber.org/", "github.com/sirupsen/logrus",
            "github.com/rs/zerolog", "github.com/prometheus/", "go.opentelemetry.io/", "github.com/jackc/",
            "github.com/lib/pq", "github.com/go-sql-driver/", "gorm.io/", "github.com/redis/", "github.com/go-redis/",
            "github.com/aws/", "cloud.google.com/", "k8s.io/", "sigs.k8s.io/", "github.com/json-iterator/",
            "github.com/goccy/", "github.com/klauspost/", "github.com/spf13/", "github.com/stretchr/",
            "github.com/grpc-ecosystem/", "github.com/hashicorp/", "github.com/segmentio/", "github.com/IBM/sarama",
            "github.com/Shopify/sarama", "github.com/nats-io/", "go.mongodb.org/", "github.com/mattn/");

    private GoPackages() {
    }

    /** The import path of a Go function name: everything before the first dot after the last slash. */
    static String packagePath(String name) {
        int slash = name.lastIndexOf('/', firstParenOrEnd(name));
        int dot = name.indexOf('.', slash + 1);
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static int firstParenOrEnd(String name) {
        int paren = name.indexOf('(');
        return paren < 0 ? name.length() : paren;
    }

    static byte classify(String name) {
        String pkg = packagePath(name);
        if (pkg.equals("main") || pkg.startsWith("main.")) {
            return FrameClassifier.APPLICATION;
        }
        int slash = pkg.indexOf('/');
        String first = slash < 0 ? pkg : pkg.substring(0, slash);
        if (!first.contains(".")) {
            return FrameClassifier.RUNTIME; // standard library, including runtime and internal/...
        }
        for (String prefix : LIBRARY_PREFIXES) {
            if (name.startsWith(prefix)) {
                return FrameClassifier.LIBRARY;
            }
        }
        return FrameClassifier.APPLICATION;
    }
}
