/**
 * Reading the files a run is given and writing the ones it makes, safely: an input is read only when it is a
 * regular file within a stated size, and an output never lands on an input of the same run. Depends on nothing
 * else in nsglint.
 */
package io.github.nsglint.core.files;
