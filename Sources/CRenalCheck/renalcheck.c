/* Compiles the hand-written header once as part of the package build, so a syntax error in
 * include/renalcheck.h fails `swift build`. The functions themselves are implemented in Swift
 * (Sources/RenalCheckC). */
#include "renalcheck.h"
