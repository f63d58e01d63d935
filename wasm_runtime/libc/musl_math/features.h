/* musl's internal features.h (src/include/features.h), which the math sources expect:
   the public header plus the `hidden`, `weak` and `weak_alias` macros. */
#ifndef FEATURES_H
#define FEATURES_H

#include_next <features.h>

#define weak __attribute__((__weak__))
#define hidden __attribute__((__visibility__("hidden")))
#define weak_alias(old, new) \
	extern __typeof(old) new __attribute__((__weak__, __alias__(#old)))

#endif
