/**
 * A location (an H3 cell) named for people: "Commercial Street, Newport", or where no street is
 * near its centre, its LSOA and postcode sector ("Newport 014A · NP20 1"). The H3 id stays the
 * key; the name is for reading, drawn from public geography only.
 */
export interface LocationName {
  /** What a person reads: "Commercial Street, Newport" or "Newport 014A · NP20 1". */
  label: string;
  /** The nearest street, from the addresses of settings near the cell's centre. */
  street: string | null;
  /** The nearest town or village. */
  town: string | null;
  /** The name of the LSOA holding the cell's centre ("Newport 014A"). */
  lsoa: string | null;
  /** The postcode sector nearest the cell's centre ("NP20 1"). */
  postcodeSector: string | null;
}
