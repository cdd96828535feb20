/* matx.h: the C API of a matx op library, to load a saved pipeline directory and run it from C or C++. */

/*
 * A Rust crate built as a `cdylib` that invokes
 *
 *     matx::export_c_api!(register = my_crate::register_ops);
 *
 * once exports these functions. The library carries its own ops and the matx runtime, so a
 * host needs nothing else: no Python, nothing to preload.
 *
 *     MatxSession *s = matx_session_load("/srv/text2ids", "cpu");
 *     if (!s) { fprintf(stderr, "%s\n", matx_last_error()); return 1; }
 *     char *out = matx_session_run_json(s, "{\"texts\": \"hello world\"}");
 *     if (!out) { fprintf(stderr, "%s\n", matx_last_error()); matx_session_free(s); return 1; }
 *     puts(out);   // a JSON array: the pipeline's outputs, in order
 *     matx_string_free(out);
 *     matx_session_free(s);
 *
 * Errors. A function that fails returns NULL and records the error for the calling thread:
 * matx_last_error() gives "Kind: message" (Kind is the Python exception class name, such as
 * "KeyError", "TypeError", "FileNotFoundError", or "InternalError" for a bug inside the
 * library, which is caught and never crashes the host), matx_last_error_kind() the Kind
 * alone. matx_session_load() and matx_session_run_json() set the error when they fail and
 * clear it (NULL) when they succeed; the other functions leave it as it is. NULL pointers,
 * strings that are not UTF-8 and malformed JSON are reported as errors, never crashes.
 *
 * Threads. A MatxSession may be used by several threads at once: matx_session_run_json()
 * on one session from many threads is safe and runs in parallel. Only matx_session_free()
 * needs the session to be no longer in use. The last error is per thread.
 *
 * Memory. Strings returned by matx_session_run_json() belong to the caller, who frees them
 * with matx_string_free() (not free()). Strings returned by matx_last_error(),
 * matx_last_error_kind() and matx_version() belong to the library: do not free them.
 */

#ifndef MATX_H
#define MATX_H

#ifdef __cplusplus
extern "C" {
#endif

/* A loaded pipeline: its ops' objects made, ready to run. Opaque. */
typedef struct MatxSession MatxSession;

/*
 * Loads the saved pipeline in directory `dir` (UTF-8 path; the directory holds
 * pipeline.json) on `device` ("cpu"). Returns a new session, to be freed with
 * matx_session_free(), or NULL on error (see matx_last_error()): a NULL or non-UTF-8
 * argument, a missing directory, a damaged pipeline.json, an op the library does not
 * register, an unknown device, or an op constructor that raised.
 */
MatxSession *matx_session_load(const char *dir, const char *device);

/*
 * Runs the pipeline once. `feed_json` is a UTF-8 JSON object mapping each input name of the
 * pipeline to its value as plain JSON (a string for str, a number for int or float, true
 * or false, null, an array for list, an object for dict). Returns a JSON array of the
 * outputs, in order, as a NUL-terminated UTF-8 string the caller frees with
 * matx_string_free(); NULL on error (see matx_last_error()): a NULL session or feed, a feed
 * that is not UTF-8 or not a JSON object, a missing or extra or mistyped input, an
 * exception raised by an op, or an output with no JSON form.
 *
 * Safe to call from several threads at once on the same session.
 */
char *matx_session_run_json(const MatxSession *session, const char *feed_json);

/* Frees a session from matx_session_load(). NULL is ignored. No thread may still use it. */
void matx_session_free(MatxSession *session);

/* Frees a string from matx_session_run_json(). NULL is ignored. */
void matx_string_free(char *s);

/*
 * The calling thread's last error, "Kind: message", or NULL when its last
 * matx_session_load() or matx_session_run_json() succeeded (or none was made). Owned by
 * the library; valid until the thread's next matx_session_load() or matx_session_run_json().
 */
const char *matx_last_error(void);

/*
 * The exception class name of the calling thread's last error ("ValueError",
 * "InternalError", ...), or NULL when there is none. Same lifetime as matx_last_error().
 */
const char *matx_last_error_kind(void);

/* The matx version the library was built with ("0.1.0"). A static string. */
const char *matx_version(void);

#ifdef __cplusplus
}
#endif

#endif /* MATX_H */
