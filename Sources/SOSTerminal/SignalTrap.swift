import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns SIGINT (Ctrl-C), SIGWINCH (window resized) and SIGCONT (resumed after
/// Ctrl-Z) into bytes on a pipe, so a
/// reader waiting in `poll()` wakes up whichever thread the signal was delivered to,
/// and learns about it in ordinary code rather than in a signal handler.
///
/// The handlers are installed while at least one reader holds the trap
/// (``acquire()``/``release()``); the previous dispositions come back after the last
/// release. While installed, Ctrl-C never kills the process: readers report it.
///
/// ``guardTerminal(_:)`` also catches SIGTERM and SIGHUP to put the terminal back in
/// its normal mode before the process dies, so a killed session never leaves the
/// terminal without echo.
enum SignalTrap {
  /// What arrived since the last look.
  struct Pending {
    var interrupt = false
    var resize = false
    var resume = false
  }

  private static let lock = NSLock()
  /// The write end of the pipe; read by the signal handler, so set before installing.
  nonisolated(unsafe) static var wakeWriteEnd: Int32 = -1
  nonisolated(unsafe) private static var wakeReadEnd: Int32 = -1
  nonisolated(unsafe) private static var holders = 0
  nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]
  nonisolated(unsafe) private static var pending = Pending()

  /// The terminal to restore on SIGTERM/SIGHUP, and its settings; read by the handler.
  nonisolated(unsafe) static var guardedTerminal: Int32 = -1
  /// Kept in memory of its own, allocated once at the C struct's full stride: a
  /// Swift global of the imported `termios` is laid out a few bytes shorter than an
  /// assignment to it copies (AddressSanitizer caught the overflow).
  nonisolated(unsafe) static let guardedSettings: UnsafeMutablePointer<termios> = {
    let settings = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    settings.initialize(to: termios())
    return settings
  }()
  nonisolated(unsafe) private static var previousGuard: [Int32: sigaction] = [:]

  /// The descriptor to poll for readability: readable when a signal arrived.
  static var wakeDescriptor: Int32 {
    lock.withLock { wakeReadEnd }
  }

  /// Installs the handlers (if this is the first holder). Returns `false` if the pipe
  /// could not be made, in which case nothing is installed.
  @discardableResult
  static func acquire() -> Bool {
    lock.withLock {
      if holders > 0 {
        holders += 1
        return true
      }
      var ends: [Int32] = [-1, -1]
      guard pipe(&ends) == 0 else { return false }
      for end in ends {
        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      }
      wakeReadEnd = ends[0]
      wakeWriteEnd = ends[1]
      pending = Pending()
      for signal in [SIGINT, SIGWINCH, SIGCONT] {
        previous[signal] = install(signalToPipe, for: signal)
      }
      holders = 1
      return true
    }
  }

  /// Gives up one hold; the last one restores the previous handlers.
  static func release() {
    lock.withLock {
      guard holders > 0 else { return }
      holders -= 1
      guard holders == 0 else { return }
      for (signal, action) in previous {
        var action = action
        sigaction(signal, &action, nil)
      }
      previous = [:]
      close(wakeReadEnd)
      close(wakeWriteEnd)
      wakeReadEnd = -1
      wakeWriteEnd = -1
    }
  }

  /// The signals that arrived since the last call.
  static func take() -> Pending {
    lock.withLock {
      drain()
      defer { pending = Pending() }
      return pending
    }
  }

  /// Restores the terminal's current settings if SIGTERM or SIGHUP ends the process.
  static func guardTerminal(_ descriptor: Int32) {
    lock.withLock {
      var settings = termios()
      guard previousGuard.isEmpty, tcgetattr(descriptor, &settings) == 0 else { return }
      guardedSettings.pointee = settings
      guardedTerminal = descriptor
      for signal in [SIGTERM, SIGHUP] {
        previousGuard[signal] = install(restoreTerminalAndDie, for: signal)
      }
    }
  }

  /// Undoes ``guardTerminal(_:)``.
  static func unguardTerminal() {
    lock.withLock {
      for (signal, action) in previousGuard {
        var action = action
        sigaction(signal, &action, nil)
      }
      previousGuard = [:]
      guardedTerminal = -1
    }
  }

  /// Reads the pipe empty, noting which signals it carried. Called with the lock held.
  private static func drain() {
    guard wakeReadEnd >= 0 else { return }
    var bytes = [UInt8](repeating: 0, count: 64)
    while true {
      let count = read(wakeReadEnd, &bytes, bytes.count)
      if count <= 0 { break }
      for byte in bytes[..<count] {
        if Int32(byte) == SIGINT { pending.interrupt = true }
        if Int32(byte) == SIGWINCH { pending.resize = true }
        if Int32(byte) == SIGCONT { pending.resume = true }
      }
    }
  }

  /// Installs a handler without SA_RESTART, so `poll()` returns EINTR; returns the old
  /// disposition.
  private static func install(
    _ handler: @convention(c) (Int32) -> Void, for signal: Int32
  ) -> sigaction {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    var old = sigaction()
    sigaction(signal, &action, &old)
    return old
  }
}

/// Writes the signal's number to the pipe; only async-signal-safe calls.
private let signalToPipe: @convention(c) (Int32) -> Void = { signal in
  let savedErrno = errno
  var byte = UInt8(truncatingIfNeeded: signal)
  _ = write(SignalTrap.wakeWriteEnd, &byte, 1)
  errno = savedErrno
}

/// Puts the terminal back in its normal mode, then dies of the signal as if
/// uncaught; only async-signal-safe calls.
private let restoreTerminalAndDie: @convention(c) (Int32) -> Void = { signal in
  if SignalTrap.guardedTerminal >= 0 {
    _ = tcsetattr(SignalTrap.guardedTerminal, TCSANOW, SignalTrap.guardedSettings)
  }
  var action = sigaction()
  action.__sigaction_handler.sa_handler = SIG_DFL
  sigemptyset(&action.sa_mask)
  sigaction(signal, &action, nil)
  raise(signal)
}
