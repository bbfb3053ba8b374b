# Cross-compiling for 64-bit Windows with Debian's mingw-w64 (GCC 12). The -posix compilers: the plain
# x86_64-w64-mingw32-g++ uses the win32 thread model, which has no std::thread or std::mutex in GCC 12.
# AM_SYSROOT: the prefix packaging/static/deps.sh windows-x64 built (OpenSSL, SQLite, libpq, Connector/C).
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES AM_SYSROOT)
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR AMD64)
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc-posix)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)
set(CMAKE_FIND_ROOT_PATH ${AM_SYSROOT} /usr/x86_64-w64-mingw32)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
