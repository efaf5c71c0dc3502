// The HTTP side of the contract in API.md: JSON in and out, bearer token, problem+json errors.
import {signOut, token} from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code ?? (status === 0 ? 'NETWORK' : 'HTTP_' + status);
    this.title = problem?.title ?? '';
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
  }
}

const MESSAGES = {
  NETWORK: '서버에 연결할 수 없어요. 인터넷 연결을 확인해 주세요.',
  UNAUTHENTICATED: '다시 로그인해 주세요.',
  ROOM_FULL: '방이 가득 찼어요.',
  JOIN_LIMIT: '스터디는 최대 5개까지 참여할 수 있어요.',
  WRONG_PASSWORD: '비밀번호가 맞지 않아요.',
  BANNED: '이 방에서 내보내져 다시 들어갈 수 없어요.',
  NOT_OWNER: '방장만 할 수 있어요.',
  NOT_MEMBER: '이 방의 멤버가 아니에요.',
  ROOM_NOT_FOUND: '방을 찾을 수 없어요. 삭제되었을 수 있어요.',
  CAPACITY_BELOW_MEMBERS: '지금 인원보다 적은 정원으로 바꿀 수 없어요.',
  CANNOT_KICK_OWNER: '방장은 내보낼 수 없어요.',
  ROOM_BUSY: '요청이 몰리고 있어요. 잠시 후 다시 시도해 주세요.',
  LIST_LIMIT: '할 일 목록은 10개까지 만들 수 있어요.',
  TODO_LIMIT: '한 목록에는 할 일을 50개까지 담을 수 있어요.',
  TODO_LIST_NOT_FOUND: '목록을 찾을 수 없어요.',
  TODO_NOT_FOUND: '할 일을 찾을 수 없어요.',
  PAYLOAD_TOO_LARGE: '파일이 너무 커요. 5MB 이하로 올려 주세요.',
  UNSUPPORTED_MEDIA_TYPE: 'PNG, JPEG, WEBP, GIF 이미지만 올릴 수 있어요.',
  DEV_LOGIN_DISABLED: '개발용 로그인이 꺼져 있어요.',
  GUEST_UNKNOWN: '이 브라우저에 저장된 게스트 계정을 찾지 못했어요.',
  RATE_LIMITED: '시도가 너무 많아요. 잠시 후 다시 해 주세요.',
  BUSY: '서버가 바빠요. 잠시 후 다시 해 주세요.',
  IMAGE_TOO_LARGE_DIMENSIONS: '사진이 너무 커요. 가로·세로 4096픽셀 이하로 올려 주세요.',
  UNAVAILABLE: '서버가 잠시 응답하지 못해요. 잠시 후 다시 시도해 주세요.',
  INTERNAL_ERROR: '서버에 문제가 생겼어요. 잠시 후 다시 시도해 주세요.',
};

const FIELDS = {
  title: '제목', description: '소개', password: '비밀번호', hashtags: '해시태그', openChatUrl: '오픈채팅 주소',
  maxMembers: '정원', nickname: '닉네임', email: '이메일', content: '내용', image: '이미지', text: '메시지',
};

/** Plain Korean words for an error, with the fields that were wrong. */
export function describe(error) {
  if (!(error instanceof ApiError)) return '알 수 없는 문제가 생겼어요.';
  if (error.errors.length > 0) {
    return error.errors.map((e) => `${FIELDS[e.field] ?? e.field}: ${e.message}`).join('\n');
  }
  return MESSAGES[error.code] ?? error.message;
}

// A request the server accepted but never answers (a node stopping mid-request) must not hang the
// app forever: after this long it fails like a lost connection, and callers retry or say so.
const TIMEOUT_MS = 15_000;
const UPLOAD_TIMEOUT_MS = 120_000;

async function send(method, path, body, headers = {}) {
  const auth = token();
  const init = {method, headers: {Accept: 'application/json', ...headers},
    signal: AbortSignal.timeout(body instanceof FormData ? UPLOAD_TIMEOUT_MS : TIMEOUT_MS)};
  if (auth) init.headers.Authorization = `Bearer ${auth}`;
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, null);
  }
  if (response.status === 204) return null;
  let text;
  try {
    text = await response.text();
  } catch {
    throw new ApiError(0, null);
  }
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && auth) {
      signOut();
      window.dispatchEvent(new CustomEvent('stupy:signed-out', {detail: '로그인이 만료되었어요. 다시 로그인해 주세요.'}));
    }
    throw new ApiError(response.status, json);
  }
  return json;
}

export const api = {
  get: (path) => send('GET', path),
  post: (path, body) => send('POST', path, body ?? {}),
  patch: (path, body) => send('PATCH', path, body),
  put: (path, body) => send('PUT', path, body),
  del: (path) => send('DELETE', path),
  /** Sends one image as multipart field {@code image}. */
  upload: (path, file) => {
    const form = new FormData();
    form.append('image', file);
    return send('PUT', path, form);
  },
};

/** Query string from an object, skipping empty values. */
export function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const enc = encodeURIComponent;
