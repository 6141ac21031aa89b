@_exported import RenalCheck
