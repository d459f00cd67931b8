import { redactSecretParams } from './secret-params';

describe(redactSecretParams.name, () => {
  it.each([
    ['/office/imports', '/office/imports'],
    ['/office/imports?_csrf=abc.def', '/office/imports?_csrf=[redacted]'],
    ['/x?a=1&_csrf=abc&b=2', '/x?a=1&_csrf=[redacted]&b=2'],
    ['/x?%5Fcsrf=abc', '/x?%5Fcsrf=[redacted]'],
    ['/x?access_token=eyJ&refreshToken=r', '/x?access_token=[redacted]&refreshToken=[redacted]'],
    ['/x?password=hunter2&Secret=s', '/x?password=[redacted]&Secret=[redacted]'],
    ['/x?api_key=k&key=k2&sig=s&signature=s2&code=123456', '/x?api_key=[redacted]&key=[redacted]&sig=[redacted]&signature=[redacted]&code=[redacted]'],
    ['/sign-in?next=%2Fsetting', '/sign-in?next=%2Fsetting'],
    ['/verify?certificate=NPA-AAAAA-BBBBB&urn=EY1', '/verify?certificate=NPA-AAAAA-BBBBB&urn=EY1'],
    ['/x?_csrf', '/x?_csrf=[redacted]'],
    ['/x?%E0%A4%A=1', '/x?%E0%A4%A=1'],
  ])('%s -> %s', (url, expected) => {
    expect(redactSecretParams(url)).toBe(expected);
  });
});
