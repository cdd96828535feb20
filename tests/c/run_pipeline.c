/* run_pipeline: a C host of a saved matx pipeline, through a user library's C API (include/matx.h). */

/*
 * usage: run_pipeline DIR FEED_JSON
 *
 * Loads the pipeline saved in DIR on the CPU, runs it once with FEED_JSON (a JSON object of
 * input name -> value) and prints the outputs (a JSON array) on stdout; exit status 0. On
 * failure prints "run_pipeline: Kind: message" on stderr; exit status 1 (2 for bad usage).
 *
 * Built against a crate's cdylib that invokes matx::export_c_api!:
 *     cc -std=c99 -Iinclude tests/c/run_pipeline.c -Lpath/to/lib -lmycrate -o run_pipeline
 */

#include <stdio.h>

#include "matx.h"

static int fail(const char *what) {
    const char *err = matx_last_error();
    fprintf(stderr, "run_pipeline: %s: %s\n", what, err ? err : "unknown error");
    return 1;
}

int main(int argc, char **argv) {
    MatxSession *session;
    char *outputs;

    if (argc != 3) {
        fprintf(stderr, "usage: %s DIR FEED_JSON\n(matx %s)\n", argc > 0 ? argv[0] : "run_pipeline",
                matx_version());
        return 2;
    }
    session = matx_session_load(argv[1], "cpu");
    if (session == NULL) {
        return fail("cannot load the pipeline");
    }
    outputs = matx_session_run_json(session, argv[2]);
    if (outputs == NULL) {
        int status = fail("the pipeline failed");
        matx_session_free(session);
        return status;
    }
    if (puts(outputs) == EOF) {
        perror("run_pipeline: cannot write the outputs");
        matx_string_free(outputs);
        matx_session_free(session);
        return 1;
    }
    matx_string_free(outputs);
    matx_session_free(session);
    return 0;
}
