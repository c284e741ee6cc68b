// Clock formatting for the simulated containers: what `date` prints and the timestamps servers put in their
// logs. Containers run in UTC (no TZ in the images), so everything here is UTC; nothing reads the real clock.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A C strftime subset (the conversions busybox `date +FORMAT` users reach for), in UTC. */
export function strftime(format: string, epochMs: number): string {
  const d = new Date(Math.floor(epochMs / 1000) * 1000);
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%' || i === format.length - 1) {
      out += c;
      continue;
    }
    const f = format[++i];
    switch (f) {
      case 'a': out += DAYS[d.getUTCDay()]; break;
      case 'A': out += DAYS_LONG[d.getUTCDay()]; break;
      case 'b': case 'h': out += MONTHS[d.getUTCMonth()]; break;
      case 'B': out += MONTHS_LONG[d.getUTCMonth()]; break;
      case 'd': out += pad2(d.getUTCDate()); break;
      case 'e': out += String(d.getUTCDate()).padStart(2, ' '); break;
      case 'H': out += pad2(d.getUTCHours()); break;
      case 'I': out += pad2(((d.getUTCHours() + 11) % 12) + 1); break;
      case 'p': out += d.getUTCHours() < 12 ? 'AM' : 'PM'; break;
      case 'M': out += pad2(d.getUTCMinutes()); break;
      case 'S': out += pad2(d.getUTCSeconds()); break;
      case 'm': out += pad2(d.getUTCMonth() + 1); break;
      case 'Y': out += String(d.getUTCFullYear()); break;
      case 'y': out += pad2(d.getUTCFullYear() % 100); break;
      case 'j': {
        const day = Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
        out += String(day).padStart(3, '0');
        break;
      }
      case 'u': out += String(d.getUTCDay() === 0 ? 7 : d.getUTCDay()); break;
      case 'w': out += String(d.getUTCDay()); break;
      case 's': out += String(Math.floor(epochMs / 1000)); break;
      case 'N': out += String((epochMs % 1000) * 1_000_000).padStart(9, '0'); break;
      case 'Z': out += 'UTC'; break;
      case 'z': out += '+0000'; break;
      case 'T': out += strftime('%H:%M:%S', epochMs); break;
      case 'R': out += strftime('%H:%M', epochMs); break;
      case 'D': out += strftime('%m/%d/%y', epochMs); break;
      case 'F': out += strftime('%Y-%m-%d', epochMs); break;
      case 'c': out += strftime('%a %b %e %H:%M:%S %Y', epochMs); break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case '%': out += '%'; break;
      default: out += '%' + f;
    }
  }
  return out;
}

/** busybox `date` with no format (coreutils/date.c: "%a %b %e %H:%M:%S %Z %Y"): `Wed Jan  1 00:02:00 UTC 2025`. */
export function busyboxDate(epochMs: number): string {
  return strftime('%a %b %e %H:%M:%S %Z %Y', epochMs);
}

/** nginx error-log time (`ngx_cached_err_log_time`): `2025/01/01 00:00:05`. */
export function nginxErrorLogTime(epochMs: number): string {
  return strftime('%Y/%m/%d %H:%M:%S', epochMs);
}

/** Common Log Format `$time_local` as nginx writes it in UTC: `01/Jan/2025:00:00:05 +0000`. */
export function clfTime(epochMs: number): string {
  return strftime('%d/%b/%Y:%H:%M:%S %z', epochMs);
}
