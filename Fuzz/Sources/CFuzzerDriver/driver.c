// Intentionally empty: this target only exposes CFuzzerDriver.h (the definition is in libFuzzer).
#include "CFuzzerDriver.h"
