import { expect } from '@open-wc/testing';
import { dayKey, offsetLabel, sessionTime } from '../src/time/format.js';

describe('time formatting', () => {
  it('shows Almaty sessions on both sides of its 1 March 2024 move from UTC+6 to UTC+5 at their local times', () => {
    const before = sessionTime('2024-02-20T09:00:00+06:00', '2024-02-20T10:45:00+06:00', 'Asia/Almaty', 'en-GB');
    const after = sessionTime('2024-06-09T09:00:00+05:00', '2024-06-09T10:45:00+05:00', 'Asia/Almaty', 'en-GB');
    expect(before.range).to.equal('09:00\u2009\u2013\u200910:45');
    expect(before.offset).to.equal('UTC+06:00');
    expect(after.range).to.equal('09:00\u2009\u2013\u200910:45');
    expect(after.offset).to.equal('UTC+05:00');
    // ICU versions differ on the comma after the weekday.
    expect(after.day).to.match(/^Sunday,? 9 June 2024$/);
    expect(after.dayKey).to.equal('2024-06-09');
  });

  it('converts an instant given in UTC into the conference zone', () => {
    expect(sessionTime('2024-06-09T04:00:00Z', '2024-06-09T05:00:00Z', 'Asia/Almaty', 'en-GB').range).to.equal('09:00\u2009\u2013\u200910:00');
  });

  it('follows London across the end of summer time', () => {
    const bst = sessionTime('2024-10-26T10:00:00+01:00', '2024-10-26T11:00:00+01:00', 'Europe/London', 'en-GB');
    const gmt = sessionTime('2024-10-28T10:00:00Z', '2024-10-28T11:00:00Z', 'Europe/London', 'en-GB');
    expect([bst.range, bst.offset]).to.deep.equal(['10:00\u2009\u2013\u200911:00', 'UTC+01:00']);
    expect([gmt.range, gmt.offset]).to.deep.equal(['10:00\u2009\u2013\u200911:00', 'UTC']);
    // 00:30 BST to 01:30 GMT is two hours long, both ends on the 27th.
    const night = sessionTime('2024-10-27T00:30:00+01:00', '2024-10-27T01:30:00+00:00', 'Europe/London', 'en-GB');
    expect(night.range).to.equal('00:30\u2009\u2013\u200901:30');
    expect(night.dayKey).to.equal('2024-10-27');
  });

  it('moves a session near midnight to another day in another zone', () => {
    const instant = new Date('2024-06-09T23:30:00+05:00');
    expect(dayKey(instant, 'Asia/Almaty')).to.equal('2024-06-09');
    expect(dayKey(instant, 'Asia/Tokyo')).to.equal('2024-06-10');
    expect(dayKey(instant, 'America/New_York')).to.equal('2024-06-09');
  });

  it('names the end date when a session runs past midnight', () => {
    const t = sessionTime('2024-06-09T23:30:00+05:00', '2024-06-10T00:30:00+05:00', 'Asia/Almaty', 'en-GB');
    expect(t.range).to.match(/^23:30\u2009\u2013\u2009Monday,? 10 June 2024, 00:30$/);
  });

  it('writes negative and fractional offsets', () => {
    expect(offsetLabel(new Date('2024-01-15T12:00:00Z'), 'America/St_Johns')).to.equal('UTC\u221203:30');
    expect(offsetLabel(new Date('2024-01-15T12:00:00Z'), 'Asia/Kolkata')).to.equal('UTC+05:30');
  });

  it('speaks the locale it is given', () => {
    expect(sessionTime('2024-06-09T09:00:00+05:00', '2024-06-09T10:45:00+05:00', 'Asia/Almaty', 'de').day).to.equal('Sonntag, 9. Juni 2024');
  });
});
