// Todo lists: add, edit in place, tick and delete todos; create, rename and delete lists.
import {field, h, replace} from '../dom.js';
import {api, describe, enc} from '../api.js';
import {busy, confirmDialog, empty, loading, showError, toast} from '../ui.js';

const MAX_LISTS = 10;
const MAX_TODOS = 50;

export default async function render(view) {
  view.append(h('h1', {}, '할 일'));
  const board = h('div', {class: 'grid three'});
  const status = h('div');
  view.append(newListForm(board), status, board);
  loading(status);
  try {
    const {items} = await api.get('/api/todo-lists');
    status.replaceChildren();
    items.forEach((list) => board.append(listCard(list)));
    if (items.length === 0) status.append(empty('할 일 목록이 없어요. 새 목록을 만들어 보세요.'));
  } catch (e) {
    replace(status, h('p', {class: 'form-error', role: 'alert'}, describe(e)));
  }
}

function newListForm(board) {
  const title = h('input', {type: 'text', testid: 'todo-list-title', maxlength: 100, placeholder: '예: 이번 주 시험 준비'});
  const submit = h('button', {type: 'submit', class: 'primary', testid: 'todo-new-list'}, '새 목록');
  return h('form', {class: 'row card', on: {submit: (e) => {
    e.preventDefault();
    const text = title.value.trim();
    if (!text) {
      title.focus();
      return;
    }
    if (board.childElementCount >= MAX_LISTS) {
      toast(`할 일 목록은 ${MAX_LISTS}개까지 만들 수 있어요.`, 'error');
      return;
    }
    busy(submit, async () => {
      const list = await api.post('/api/todo-lists', {title: text});
      title.value = '';
      board.append(listCard(list));
      board.previousElementSibling?.replaceChildren();
    });
  }}}, h('div', {class: 'grow'}, field('새 목록 이름', title)), submit);
}

function listCard(list) {
  const card = h('section', {class: 'card', testid: 'todo-list', data: {listId: list.id}});
  const items = h('ul', {class: 'todos', role: 'list'});
  const heading = h('h2', {class: 'grow'}, list.title);
  const input = h('input', {type: 'text', testid: 'todo-input', maxlength: 500, placeholder: '할 일을 적고 Enter'});
  const add = h('button', {type: 'submit', class: 'primary', testid: 'todo-add'}, '추가');
  const path = `/api/todo-lists/${enc(list.id)}`;

  const rename = h('button', {type: 'button', class: 'small', on: {click: () => {
    const edit = h('input', {type: 'text', value: heading.textContent, maxlength: 100, 'aria-label': '목록 이름'});
    inlineEdit(heading, edit, async (text) => {
      const updated = await api.patch(path, {title: text});
      heading.textContent = updated.title;
    });
  }}}, '이름 바꾸기');
  const remove = h('button', {type: 'button', class: 'small danger', on: {click: async () => {
    if (!await confirmDialog('목록 삭제', `"${heading.textContent}" 목록과 그 안의 할 일을 모두 지울까요?`, '삭제', true)) return;
    busy(remove, async () => {
      await api.del(path);
      card.remove();
    });
  }}}, '삭제');

  list.todos.forEach((todo) => items.append(todoItem(path, todo)));
  const form = h('form', {class: 'row', on: {submit: (e) => {
    e.preventDefault();
    const content = input.value.trim();
    if (!content) return;
    if (items.childElementCount >= MAX_TODOS) {
      toast(`한 목록에는 할 일을 ${MAX_TODOS}개까지 담을 수 있어요.`, 'error');
      return;
    }
    busy(add, async () => {
      const todo = await api.post(`${path}/todos`, {content});
      input.value = '';
      items.append(todoItem(path, todo));
      input.focus();
    });
  }}}, h('label', {class: 'grow'}, h('span', {class: 'visually-hidden'}, '새 할 일'), input), add);

  card.append(h('div', {class: 'row'}, heading, rename, remove), items, form);
  return card;
}

function todoItem(listPath, todo) {
  const path = `${listPath}/todos/${enc(todo.id)}`;
  const row = h('li', {class: ['todo-item', todo.done && 'done'], testid: 'todo-item', data: {todoId: todo.id}});
  const content = h('span', {class: 'content', tabindex: 0, role: 'button', title: '눌러서 고치기', 'aria-label': `${todo.content} (고치기)`}, todo.content);
  const done = h('input', {type: 'checkbox', testid: 'todo-done', checked: todo.done, 'aria-label': '완료'});
  done.addEventListener('change', async () => {
    const wanted = done.checked;
    row.classList.toggle('done', wanted);
    try {
      await api.patch(path, {done: wanted});
    } catch (e) {
      done.checked = !wanted;   // the server did not take it: show the truth again
      row.classList.toggle('done', !wanted);
      showError(e);
    }
  });
  const startEdit = () => {
    const edit = h('input', {type: 'text', value: content.textContent, maxlength: 500, 'aria-label': '할 일 고치기'});
    inlineEdit(content, edit, async (text) => {
      const updated = await api.patch(path, {content: text});
      content.textContent = updated.content;
      content.setAttribute('aria-label', `${updated.content} (고치기)`);
    });
  };
  content.addEventListener('click', startEdit);
  content.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      startEdit();
    }
  });
  const remove = h('button', {type: 'button', class: 'small danger', testid: 'todo-delete', 'aria-label': `삭제: ${todo.content}`, on: {click: () =>
    busy(remove, async () => {
      await api.del(path);
      row.remove();
    })}}, '삭제');
  row.append(done, content, remove);
  return row;
}

/** Swaps {@code shown} for {@code input}; Enter or leaving the field saves, Escape cancels. */
function inlineEdit(shown, input, save) {
  const original = shown.textContent;
  shown.hidden = true;
  shown.after(input);
  input.focus();
  input.select();
  let finished = false;
  const finish = async (commit) => {
    if (finished) return;
    finished = true;
    const text = input.value.trim();
    if (commit && text && text !== original) {
      input.disabled = true;
      try {
        await save(text);
      } catch (e) {
        showError(e);
      }
    }
    input.remove();
    shown.hidden = false;
    shown.focus?.();
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      finish(true);
    } else if (e.key === 'Escape') {
      finish(false);
    }
  });
  input.addEventListener('blur', () => finish(true));
}
