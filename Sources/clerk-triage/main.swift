import ArgumentParser
import Yams
print("hi")
