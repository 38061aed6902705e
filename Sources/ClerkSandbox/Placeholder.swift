import Hummingbird
import GRDB
import Crypto
import CryptoExtras
public enum SandboxPlaceholder {}
