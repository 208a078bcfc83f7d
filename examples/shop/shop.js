// The demo store's own script. It tells the chat backend what a shopper does, and the backend's customer-care
// rules answer in the chat: a recommendation after two looks at the same product, a reminder 30 minutes after the
// cart changed without a purchase, a thank-you after a purchase, a loyalty thank-you at the fifth order, and a
// birthday greeting for Budi, the demo customer, whose birthday is today.
if (!window.Sapa) {
  const queue = [];
  window.Sapa = (...args) => {
    queue.push(args);
  };
  window.Sapa.q = queue;
}

/** Today's date in the shop's time zone (Asia/Jakarta), so the backend sees Budi's birthday as today. */
function todayInJakarta() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
}

/** Budi has ordered 3 times before this visit; his fifth order brings the loyalty thank-you. */
const EARLIER_ORDERS = 3;
const shopper = {
  userId: 'demo-shopper-1',
  name: 'Budi Santoso',
  email: 'budi@example.com',
  attributes: { birthday: `1990-${todayInJakarta().slice(5)}`, ordersCount: EARLIER_ORDERS },
};

const account = document.getElementById('account');
const signInButton = document.getElementById('sign-in');
const cartLine = document.getElementById('cart');
const checkoutButton = document.getElementById('checkout');
const status = document.getElementById('status');
const detail = document.getElementById('detail');
let signedIn = false;
let orders = 0;
let shown;
const cart = [];

const rupiah = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});

/** What the backend rules read from a product: the card of a recommendation or a cart reminder is built from it. */
function productOf(element) {
  const url = new URL(`#${element.dataset.sku}`, window.location.href);
  return {
    sku: element.dataset.sku,
    name: element.querySelector('h2').textContent,
    price: Number(element.dataset.price),
    url: url.href,
    imageUrl: new URL(`/examples/shop/images/${element.dataset.image}`, window.location.href).href,
  };
}

function signIn() {
  if (signedIn) return;
  signedIn = true;
  window.Sapa('identify', shopper);
  account.textContent = `Masuk sebagai ${shopper.name}`;
  signInButton.hidden = true;
}

/** A completed order: the thank-you (first purchase), and ordersCount for the loyalty rule. */
function completePurchase(items) {
  signIn();
  orders += 1;
  const total = items.reduce((sum, item) => sum + item.price * item.quantity, 0);
  window.Sapa('track', 'purchase_completed', {
    orderId: `TS-${Date.now()}`,
    items: items.length,
    sku: items[0].sku,
    total,
    currency: 'IDR',
  });
  window.Sapa('update', { attributes: { ordersCount: EARLIER_ORDERS + orders } });
  const names = items.map((item) => item.name).join(', ');
  status.textContent = `Pesanan ${orders}: ${names} sudah kami terima. Terima kasih!`;
}

function showCart() {
  const count = cart.reduce((sum, item) => sum + item.quantity, 0);
  const total = cart.reduce((sum, item) => sum + item.price * item.quantity, 0);
  cartLine.textContent =
    count === 0 ? 'Keranjang kosong' : `Keranjang: ${count} barang, ${rupiah.format(total)}`;
  checkoutButton.hidden = count === 0;
}

/** Opens a product's details; every look is a `product_viewed` (two looks at the same one bring a suggestion). */
function view(element) {
  shown = element;
  const product = productOf(element);
  document.getElementById('detail-image').src = product.imageUrl;
  document.getElementById('detail-name').textContent = product.name;
  document.getElementById('detail-price').textContent = rupiah.format(product.price);
  document.getElementById('detail-description').textContent =
    element.querySelector('.description').textContent;
  detail.hidden = false;
  window.Sapa('track', 'product_viewed', product);
}

for (const element of document.querySelectorAll('.product')) {
  element.querySelector('.buy').addEventListener('click', () => {
    completePurchase([{ ...productOf(element), quantity: 1 }]);
  });
  element.querySelector('.view').addEventListener('click', () => view(element));
}

document.getElementById('add-to-cart').addEventListener('click', () => {
  const product = productOf(shown);
  const line = cart.find((item) => item.sku === product.sku);
  if (line) line.quantity += 1;
  else cart.push({ ...product, quantity: 1 });
  // The cart reminder waits 30 minutes after the last change; a purchase cancels it.
  window.Sapa('track', 'cart_updated', {
    ...product,
    quantity: line ? line.quantity : 1,
    items: cart.length,
  });
  showCart();
  status.textContent = `${product.name} masuk ke keranjang.`;
});

document.getElementById('close-detail').addEventListener('click', () => {
  detail.hidden = true;
});

checkoutButton.addEventListener('click', () => {
  completePurchase(cart.splice(0));
  showCart();
});

signInButton.addEventListener('click', () => {
  signIn();
  status.textContent = `Selamat datang kembali, ${shopper.name}!`;
});

// A link from a recommendation card (`…/#kopi-gayo`) opens that product.
const linked =
  window.location.hash &&
  document.querySelector(`.product[data-sku="${CSS.escape(window.location.hash.slice(1))}"]`);
if (linked) view(linked);
