/**
 * Text ⇄ number conversions for the engine's three kinds of time: instants (epoch ms), local dates
 * (day numbers: days since 1970-01-01 on the local calendar) and wall times (minutes after local
 * midnight). Hand-written because busy lists reach tens of thousands of items and a general date
 * parser costs more than the whole availability sweep.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
export function dayNumberOf(year: number, month: number, day: number): number {
  // Howard Hinnant's days_from_civil: exact integer arithmetic for every year, no Date quirks.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar date of a day number. */
export function civilOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOf(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads `length` decimal digits at `at`, or -1 when any is not a digit. */
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** Two decimal digits at `at`, or -1 (the hot path of every instant parsed). */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

// The last month looked up: busy lists are mostly clustered in a few months.
let cachedMonthKey = -1;
let cachedMonthStart = 0;

function dateAt(text: string): number | undefined {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const year = century * 100 + yearOfCentury;
  if (
    century < 0 ||
    yearOfCentury < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  ) {
    return undefined;
  }
  const key = year * 12 + month;
  if (key !== cachedMonthKey) {
    cachedMonthStart = dayNumberOf(year, month, 1);
    cachedMonthKey = key;
  }
  return cachedMonthStart + day - 1;
}

/** `YYYY-MM-DD` → day number, or undefined when malformed or not a real date. */
export function parseLocalDate(text: string): number | undefined {
  return text.length === 10 ? dateAt(text) : undefined;
}

const digitAt = (text: string, at: number): number => text.charCodeAt(at) - 48;
/** Where `YYYY-MM-DDTHH:mm:ss` has digits. */
const UTC_SHAPE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

/**
 * The common shapes `YYYY-MM-DDTHH:mm:ssZ` and `YYYY-MM-DDTHH:mm:ss.sssZ` (what UTC serialisers
 * write) read without the general parser's branching; anything unusual returns NaN and takes the
 * general path, which decides.
 */
function parseUtcShape(text: string): number {
  const length = text.length;
  if (length !== 20 && !(length === 24 && text.charCodeAt(19) === 46)) return NaN;
  if (text.charCodeAt(length - 1) !== 90 || text.charCodeAt(16) !== 58) return NaN;
  for (let i = 0; i < UTC_SHAPE_DIGITS.length; i++) {
    if ((text.charCodeAt(UTC_SHAPE_DIGITS[i]!) - 48) >>> 0 > 9) return NaN;
  }
  if (
    length === 24 &&
    (digitAt(text, 20) >>> 0 > 9 || digitAt(text, 21) >>> 0 > 9 || digitAt(text, 22) >>> 0 > 9)
  ) {
    return NaN;
  }
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58
  ) {
    return NaN;
  }
  const year = digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3);
  const month = digitAt(text, 5) * 10 + digitAt(text, 6);
  const day = digitAt(text, 8) * 10 + digitAt(text, 9);
  const hour = digitAt(text, 11) * 10 + digitAt(text, 12);
  const minute = digitAt(text, 14) * 10 + digitAt(text, 15);
  const second = digitAt(text, 17) * 10 + digitAt(text, 18);
  const millis = length === 24 ? digitAt(text, 20) * 100 + digitAt(text, 21) * 10 + digitAt(text, 22) : 0;
  // Days 29–31 need the month's length: the general path checks those.
  if (month < 1 || month > 12 || day < 1 || day > 28 || hour > 23 || minute > 59 || second > 59) return NaN;
  const key = year * 12 + month;
  if (key !== cachedMonthKey) {
    cachedMonthStart = dayNumberOf(year, month, 1);
    cachedMonthKey = key;
  }
  return (cachedMonthStart + day - 1) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}

/**
 * An ISO-8601 instant with a mandatory offset → epoch ms, or undefined. Accepts
 * `YYYY-MM-DDTHH:mm[:ss[.fraction]]` followed by `Z` or `±HH:mm` / `±HHmm` / `±HH`; a time without
 * an offset is refused because only the offset makes it an instant.
 */
export function parseInstant(text: string): number | undefined {
  const common = parseUtcShape(text);
  if (common === common) return common; // not NaN
  if (text.length < 17 || text.charCodeAt(10) !== 84 /* T */ || text.charCodeAt(13) !== 58) return undefined;
  const day = dateAt(text);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  if (day === undefined || hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  let at = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(at) === 58) {
    second = twoDigits(text, at + 1);
    if (second < 0 || second > 59) return undefined;
    at += 3;
    if (text.charCodeAt(at) === 46 /* . */) {
      const fractionStart = at + 1;
      at = fractionStart;
      while (at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at++;
      const fractionLength = at - fractionStart;
      if (fractionLength === 0 || fractionLength > 9) return undefined;
      millis = Math.floor(
        digits(text, fractionStart, Math.min(3, fractionLength)) * 10 ** (3 - Math.min(3, fractionLength)),
      );
    }
  }
  const sign = text.charCodeAt(at);
  let offsetMinutes = 0;
  if (sign === 90 /* Z */) {
    if (at + 1 !== text.length) return undefined;
  } else if (sign === 43 /* + */ || sign === 45 /* - */) {
    const rest = text.length - at - 1;
    const offsetHours = digits(text, at + 1, 2);
    let offsetMinute = 0;
    if (rest === 5 && text.charCodeAt(at + 3) === 58) offsetMinute = digits(text, at + 4, 2);
    else if (rest === 4) offsetMinute = digits(text, at + 3, 2);
    else if (rest !== 2) return undefined;
    if (offsetHours < 0 || offsetHours > 23 || offsetMinute < 0 || offsetMinute > 59) return undefined;
    offsetMinutes = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMinute);
  } else {
    return undefined;
  }
  return day * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}

/** `HH:mm` → minutes after midnight (0–1440; `24:00` only when `allowEndOfDay`), or undefined. */
export function parseWallTime(text: string, allowEndOfDay: boolean): number | undefined {
  if (text.length !== 5 || text.charCodeAt(2) !== 58) return undefined;
  const hour = digits(text, 0, 2);
  const minute = digits(text, 3, 2);
  if (hour < 0 || minute < 0 || minute > 59) return undefined;
  if (hour === 24 && minute === 0 && allowEndOfDay) return 1440;
  return hour <= 23 ? hour * 60 + minute : undefined;
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

function yearText(year: number): string {
  if (year >= 0 && year <= 9999) return String(year).padStart(4, '0');
  return (year < 0 ? '-' : '+') + String(Math.abs(year)).padStart(6, '0');
}

/** Day number → `YYYY-MM-DD`. */
export function formatLocalDate(dayNumber: number): string {
  const { year, month, day } = civilOf(dayNumber);
  return `${yearText(year)}-${pad2(month)}-${pad2(day)}`;
}

/** Epoch ms → `YYYY-MM-DDTHH:mm:ssZ` (milliseconds only when not zero). */
export function formatInstant(ms: number): string {
  const text = new Date(ms).toISOString();
  return text.endsWith('.000Z') ? text.slice(0, -5) + 'Z' : text;
}
