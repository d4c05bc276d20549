package dev.rediscdi.sample.quarkus.shop;

import java.util.List;
import java.util.Map;

import dev.rediscdi.sample.quarkus.cache.Product;

/** The HTML of the shop: a login form, or the cart with a form to add to it. Every text from a user is escaped. */
final class ShopPage {

    private ShopPage() {
    }

    static String render(String user, Map<String, Integer> cart, List<Product> products, String problem) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Redis CDI shop</title>
                <link rel="stylesheet" href="/style.css"></head><body>
                <h1>Shop</h1>
                <p class="intro">The login and the cart live in the HTTP session, stored in Redis by the
                <code>redis-cdi-session-store</code> module: restart the application and they are still here.</p>
                """);
        if (problem != null) {
            html.append("<p class=\"problem\" id=\"problem\">").append(escape(problem)).append("</p>\n");
        }
        if (user == null) {
            html.append("""
                    <form method="post" action="/shop/login">
                      <label>Name <input name="user" id="user" maxlength="40" required></label>
                      <button id="login" type="submit">Log in</button>
                    </form>
                    """);
        } else {
            html.append("<p>Logged in as <strong id=\"who\">").append(escape(user)).append("</strong></p>\n");
            html.append("<table id=\"cart\"><tr><th>Product</th><th>Quantity</th></tr>\n");
            cart.forEach((id, quantity) -> html.append("<tr data-product=\"").append(escape(id)).append("\"><td>")
                    .append(escape(name(products, id))).append("</td><td class=\"quantity\">").append(quantity).append("</td></tr>\n"));
            html.append("</table>\n");
            html.append("<form method=\"post\" action=\"/shop/cart\">\n<select name=\"product\" id=\"product\">");
            products.forEach(product -> html.append("<option value=\"").append(escape(product.id())).append("\">")
                    .append(escape(product.name())).append("</option>"));
            html.append("""
                    </select>
                      <input name="quantity" id="quantity" type="number" min="1" max="99" value="1">
                      <button id="add" type="submit">Add to cart</button>
                    </form>
                    <form method="post" action="/shop/logout"><button id="logout" type="submit">Log out</button></form>
                    """);
        }
        return html.append("<p><a href=\"/\">All demos</a></p></body></html>\n").toString();
    }

    private static String name(List<Product> products, String id) {
        return products.stream().filter(product -> product.id().equals(id)).map(Product::name).findFirst().orElse(id);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
